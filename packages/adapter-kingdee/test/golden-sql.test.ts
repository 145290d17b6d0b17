import { compileCustomerQuery } from '@custcode/sql';
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { createKingdeeSource, k3cloudCustomerMapping, k3wiseOrganizationMapping } from '../src/index.js';

/** node-sql-parser's T-SQL grammar has no LIKE … ESCAPE; everything else must parse as written. */
function parseTransactSql(sql: string): void {
  new Parser().astify(sql.replaceAll(` ESCAPE '!'`, ''), { database: 'TransactSQL' });
}

const blocked = "([c].[FFORBIDSTATUS] = @p1 OR [c].[FDOCUMENTSTATUS] IN (@p2, @p3, @p4, @p5))";
const k3cloudSelect =
  'SELECT [c].[FNUMBER] AS [cc_code], [l].[FNAME] AS [cc_name], [l].[FSHORTNAME] AS [cc_shortName], ' +
  '[c].[FTAXREGISTERCODE] AS [cc_taxId], [c].[FTEL] AS [cc_phone], [c].[FADDRESS] AS [cc_address], ' +
  '[gl].[FNAME] AS [cc_category], [rl].[FDATAVALUE] AS [cc_region], ' +
  `CASE WHEN ${blocked} THEN 'blocked' ELSE 'active' END AS [cc_status], ` +
  '[c].[FCREATEDATE] AS [cc_createdAt], [c].[FMODIFYDATE] AS [cc_updatedAt], [c].[FUSEORGID] AS [cc_org], ' +
  '[c].[FCUSTID] AS [cc_raw_0], [c].[FCREATEORGID] AS [cc_raw_2], [c].[FUSEORGID] AS [cc_raw_3], ' +
  '[c].[FDOCUMENTSTATUS] AS [cc_raw_4], [c].[FFORBIDSTATUS] AS [cc_raw_5], [c].[FPRIMARYGROUP] AS [cc_raw_6], ' +
  '[c].[FPROVINCIAL] AS [cc_raw_7], [l].[FLOCALEID] AS [cc_raw_8]';
const k3cloudFrom = (first: number) =>
  ' FROM [T_BD_CUSTOMER] [c]' +
  ` LEFT JOIN [T_BD_CUSTOMER_L] [l] ON [c].[FCUSTID] = [l].[FCUSTID] AND [l].[FLOCALEID] = @p${first}` +
  ' LEFT JOIN [T_BD_CUSTOMERGROUP] [g] ON [c].[FPRIMARYGROUP] = [g].[FID]' +
  ` LEFT JOIN [T_BD_CUSTOMERGROUP_L] [gl] ON [c].[FPRIMARYGROUP] = [gl].[FID] AND [gl].[FLOCALEID] = @p${first + 1}` +
  ' LEFT JOIN [T_BAS_ASSISTANTDATAENTRY] [r] ON [c].[FPROVINCIAL] = [r].[FENTRYID]' +
  ` LEFT JOIN [T_BAS_ASSISTANTDATAENTRY_L] [rl] ON [c].[FPROVINCIAL] = [rl].[FENTRYID] AND [rl].[FLOCALEID] = @p${first + 2}`;
const statusParams = ['B', 'Z', 'A', 'B', 'D'];

describe('K/3 Cloud on SQL Server: golden T-SQL', () => {
  it('lookup without org reads the creating org\u2019s row; Chinese codes are bound unchanged', () => {
    const compiled = compileCustomerQuery(k3cloudCustomerMapping(), 'mssql', { shape: 'lookup', codes: ['KH001', '客户０２'] });
    expect(compiled.sql).toBe(
      `${k3cloudSelect}${k3cloudFrom(6)} WHERE [c].[FNUMBER] IN (@p9, @p10) AND [c].[FUSEORGID] = [c].[FCREATEORGID] ORDER BY [c].[FNUMBER], [c].[FUSEORGID]`,
    );
    expect(compiled.params).toEqual([...statusParams, 2052, 2052, 2052, 'KH001', '客户０２']);
    parseTransactSql(compiled.sql);
  });

  it('lookup in a use-org, names in locale 1033', () => {
    const compiled = compileCustomerQuery(k3cloudCustomerMapping({ locale: 1033 }), 'mssql', { shape: 'lookup', codes: ['KH001'], org: '100002' });
    expect(compiled.sql).toBe(`${k3cloudSelect}${k3cloudFrom(6)} WHERE [c].[FNUMBER] IN (@p9) AND [c].[FUSEORGID] = @p10 ORDER BY [c].[FNUMBER], [c].[FUSEORGID]`);
    expect(compiled.params).toEqual([...statusParams, 1033, 1033, 1033, 'KH001', '100002']);
    parseTransactSql(compiled.sql);
  });

  it('page in an org: text, category (name or group number), status, created-to, keyset on (FNUMBER, FUSEORGID)', () => {
    const compiled = compileCustomerQuery(k3cloudCustomerMapping(), 'mssql', {
      shape: 'page',
      filter: { text: '北京', category: '批发客户', status: 'blocked', org: '100002', createdTo: '2023-06-30' },
      after: { code: 'KH001', org: '100002' },
      limit: 500,
    });
    expect(compiled.sql).toBe(
      `${k3cloudSelect}${k3cloudFrom(6)} WHERE` +
        " (LOWER([c].[FNUMBER]) LIKE LOWER(@p9) ESCAPE '!' OR LOWER([l].[FNAME]) LIKE LOWER(@p10) ESCAPE '!' OR LOWER([l].[FSHORTNAME]) LIKE LOWER(@p11) ESCAPE '!')" +
        ' AND ([gl].[FNAME] = @p12 OR [g].[FNUMBER] = @p13)' +
        " AND CASE WHEN ([c].[FFORBIDSTATUS] = @p14 OR [c].[FDOCUMENTSTATUS] IN (@p15, @p16, @p17, @p18)) THEN 'blocked' ELSE 'active' END IN (@p19)" +
        ' AND [c].[FUSEORGID] = @p20' +
        ' AND [c].[FCREATEDATE] < @p21' +
        ' AND ([c].[FNUMBER] > @p22 OR ([c].[FNUMBER] = @p23 AND [c].[FUSEORGID] > @p24))' +
        ' ORDER BY [c].[FNUMBER], [c].[FUSEORGID] OFFSET 0 ROWS FETCH NEXT 500 ROWS ONLY',
    );
    expect(compiled.params).toEqual([
      ...statusParams, 2052, 2052, 2052,
      '%北京%', '%北京%', '%北京%',
      '批发客户', '批发客户',
      ...statusParams, 'blocked',
      '100002',
      '2023-07-01T00:00:00',
      'KH001', 'KH001', '100002',
    ]);
    parseTransactSql(compiled.sql);
  });

  it('count in an org: name with a LIKE wildcard escaped, updatedSince over COALESCE(FMODIFYDATE, FCREATEDATE)', () => {
    const compiled = compileCustomerQuery(k3cloudCustomerMapping(), 'mssql', { shape: 'count', filter: { name: '100%', updatedSince: '2024-01-01', org: '100003' } });
    expect(compiled.sql).toBe(
      `SELECT COUNT(*) AS [cc_count]${k3cloudFrom(1)} WHERE LOWER([l].[FNAME]) LIKE LOWER(@p4) ESCAPE '!'` +
        ' AND [c].[FUSEORGID] = @p5 AND COALESCE([c].[FMODIFYDATE], [c].[FCREATEDATE]) >= @p6',
    );
    expect(compiled.params).toEqual([2052, 2052, 2052, '%100!%%', '100003', '2024-01-01T00:00:00']);
    parseTransactSql(compiled.sql);
  });
});

const wiseStatus = (first: number) =>
  `CASE WHEN [i].[FDeleted] = @p${first} THEN 'deleted'` +
  ` WHEN ([o].[FStatus] IS NOT NULL AND ([o].[FStatus] IS NULL OR [o].[FStatus] <> @p${first + 1})) THEN 'blocked' ELSE 'active' END`;
const wiseSelect =
  'SELECT [i].[FNumber] AS [cc_code], [o].[FName] AS [cc_name], [o].[FShortName] AS [cc_shortName], [o].[FTaxNum] AS [cc_taxId], [o].[FPhone] AS [cc_phone], ' +
  '[o].[FContact] AS [cc_contact], [o].[FAddress] AS [cc_address], [g].[FName] AS [cc_category], [r].[FName] AS [cc_region], ' +
  `${wiseStatus(1)} AS [cc_status], [p].[FCreateDate] AS [cc_createdAt], [p].[FLastModDate] AS [cc_updatedAt], ` +
  '[i].[FItemID] AS [cc_raw_0], [i].[FParentID] AS [cc_raw_2], [i].[FDeleted] AS [cc_raw_3], ' +
  '[o].[FStatus] AS [cc_raw_4], [o].[FRegionID] AS [cc_raw_5], [o].[FHelpCode] AS [cc_raw_6]';
const wiseFrom = (first: number) =>
  ' FROM [t_Item] [i] INNER JOIN [t_Organization] [o] ON [i].[FItemID] = [o].[FItemID]' +
  ' LEFT JOIN [t_Item] [g] ON [i].[FParentID] = [g].[FItemID]' +
  ' LEFT JOIN [t_SubMessage] [r] ON [o].[FRegionID] = [r].[FInterID]' +
  ` LEFT JOIN [t_BaseProperty] [p] ON [i].[FItemID] = [p].[FItemID] AND [p].[FTypeID] = @p${first}` +
  ` WHERE ([i].[FItemClassID] = @p${first + 1} AND [i].[FDetail] = @p${first + 2})`;

describe('K/3 WISE on SQL Server: golden T-SQL', () => {
  it('lookup: customer detail items only, deleted ones included (status deleted)', () => {
    const compiled = compileCustomerQuery(k3wiseOrganizationMapping(), 'mssql', { shape: 'lookup', codes: ['01.001', '北京客户'] });
    expect(compiled.sql).toBe(`${wiseSelect}${wiseFrom(3)} AND [i].[FNumber] IN (@p6, @p7) ORDER BY [i].[FNumber]`);
    expect(compiled.params).toEqual([1, 1072, 3, 1, 1, '01.001', '北京客户']);
    parseTransactSql(compiled.sql);
  });

  it('page: pinyin text also searches FHelpCode; region by name or t_SubMessage code; keyset on FNumber', () => {
    const compiled = compileCustomerQuery(k3wiseOrganizationMapping(), 'mssql', {
      shape: 'page',
      filter: { text: 'bjxc', region: '11', status: ['active', 'deleted'] },
      after: { code: '01.001' },
      limit: 1000,
    });
    expect(compiled.sql).toBe(
      `${wiseSelect}${wiseFrom(3)}` +
        " AND (LOWER([i].[FNumber]) LIKE LOWER(@p6) ESCAPE '!' OR LOWER([o].[FName]) LIKE LOWER(@p7) ESCAPE '!'" +
        " OR LOWER([o].[FShortName]) LIKE LOWER(@p8) ESCAPE '!' OR LOWER([o].[FHelpCode]) LIKE LOWER(@p9) ESCAPE '!')" +
        ' AND ([r].[FName] = @p10 OR [r].[FID] = @p11)' +
        ` AND ${wiseStatus(12)} IN (@p14, @p15)` +
        ' AND [i].[FNumber] > @p16 ORDER BY [i].[FNumber] OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY',
    );
    expect(compiled.params).toEqual([1, 1072, 3, 1, 1, '%bjxc%', '%bjxc%', '%bjxc%', 'bjxc%', '11', '11', 1, 1072, 'active', 'deleted', '01.001']);
    parseTransactSql(compiled.sql);
  });

  it('count: created range over t_BaseProperty; an org never matches (one account set per database)', () => {
    const compiled = compileCustomerQuery(k3wiseOrganizationMapping(), 'mssql', {
      shape: 'count',
      filter: { createdFrom: '2024-01-01', createdTo: '2024-01-31T12:00' },
    });
    expect(compiled.sql).toBe(`SELECT COUNT(*) AS [cc_count]${wiseFrom(1)} AND [p].[FCreateDate] >= @p4 AND [p].[FCreateDate] <= @p5`);
    expect(compiled.params).toEqual([3, 1, 1, '2024-01-01T00:00:00', '2024-01-31T12:00:00']);
    parseTransactSql(compiled.sql);
    expect(compileCustomerQuery(k3wiseOrganizationMapping(), 'mssql', { shape: 'count', filter: { org: '100001' } }).sql).toContain(' AND 1 = 0');
  });
});

describe('K/3 Cloud through the mssql driver (a recording stand-in for mssql/tedious)', () => {
  it('binds text as NVARCHAR and returns Chinese text unchanged', async () => {
    const inputs: Array<{ name: string; type: unknown; value: unknown }> = [];
    const statements: string[] = [];
    const row = {
      cc_code: '客户02',
      cc_name: '北京星辰科技有限公司',
      cc_shortName: '𠮷野家',
      cc_category: '批发客户',
      cc_status: 'active',
      cc_createdAt: new Date(Date.UTC(2024, 7, 1, 9, 0, 0)),
      cc_org: 100002,
      cc_raw_0: 100123,
    };
    const request = {
      input(name: string, type: unknown, value: unknown) {
        inputs.push({ name, type, value });
        return request;
      },
      async query(sql: string) {
        statements.push(sql);
        return { recordset: [row] };
      },
    };
    const fakeMssql = {
      ConnectionPool: class {
        async connect() {}
        request() {
          return request;
        }
        async close() {}
      },
      NVarChar: 'NVarChar',
      Int: 'Int',
      BigInt: 'BigInt',
      Float: 'Float',
    };
    const source = createKingdeeSource({
      name: 'k3',
      product: 'k3cloud',
      connection: 'mssql://sa@127.0.0.1:1433/AIS20240101',
      password: 'unused-pw',
      importDriver: async () => fakeMssql,
    });
    const customer = await source.get(' 客户０２ ', { org: '100002' });
    await source.close();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('[c].[FNUMBER] IN (@p9) AND [c].[FUSEORGID] = @p10');
    // NFKC turns the full-width digits of the input into ASCII before binding; the Chinese characters stay.
    expect(inputs.find((input) => input.name === 'p9')).toEqual({ name: 'p9', type: 'NVarChar', value: '客户02' });
    expect(inputs.find((input) => input.name === 'p10')).toEqual({ name: 'p10', type: 'NVarChar', value: '100002' });
    expect(inputs.find((input) => input.name === 'p6')).toEqual({ name: 'p6', type: 'Int', value: 2052 });
    expect(customer).toMatchObject({
      code: '客户02',
      name: '北京星辰科技有限公司',
      shortName: '𠮷野家',
      category: '批发客户',
      status: 'active',
      org: '100002',
      createdAt: '2024-08-01T09:00:00',
      erp: 'kingdee-k3cloud',
    });
  });
});

describe('raw columns that carry fields', () => {
  it('K/3 WISE: FHelpCode holds the pinyin initials of the name; K/3 Cloud keeps no maskable value in raw', () => {
    const client = { query: async () => [] };
    expect(createKingdeeSource({ name: 'w', product: 'k3wise', connection: { client } }).describe().rawColumns).toMatchObject({ code: ['FNumber'], name: ['FHelpCode'] });
    expect(createKingdeeSource({ name: 'c', product: 'k3cloud', connection: { client } }).describe().rawColumns).toEqual({ code: ['FNUMBER'], org: ['FUSEORGID'] });
  });
});
