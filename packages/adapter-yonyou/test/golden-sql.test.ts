import { compileCustomerQuery } from '@custcode/sql';
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { NC_LIKELY_COLUMNS, ncBdCustomerMapping, u8CustomerMapping } from '../src/index.js';

// Expected statements are written by hand from the mappings; the compiler must produce exactly these.

/** node-sql-parser 5.4 knows no `LIKE … ESCAPE` in T-SQL: that clause is removed before parsing the rest. */
function parsesAsTransactSql(sql: string): void {
  expect(() => new Parser().astify(sql.replaceAll(" ESCAPE '!'", ''), { database: 'TransactSQL' })).not.toThrow();
}

const U8_SELECT = [
  '[c].[cCusCode] AS [cc_code]',
  '[c].[cCusName] AS [cc_name]',
  '[c].[cCusAbbName] AS [cc_shortName]',
  '[c].[cCusRegCode] AS [cc_taxId]',
  '[c].[cCusPhone] AS [cc_phone]',
  '[c].[cCusPerson] AS [cc_contact]',
  '[c].[cCusAddress] AS [cc_address]',
  '[cc].[cCCName] AS [cc_category]',
  '[dc].[cDCName] AS [cc_region]',
  "CASE WHEN [c].[dEndDate] IS NOT NULL THEN 'blocked' ELSE 'active' END AS [cc_status]",
  '[c].[dCusCreateDatetime] AS [cc_createdAt]',
  '[c].[dModifyDate] AS [cc_updatedAt]',
  // Raw cCusCode, cCusName, cCusAbbName (0–2), dCusCreateDatetime, dModifyDate (7, 8) are read from the columns above.
  '[c].[cCCCode] AS [cc_raw_3]',
  '[c].[cDCCode] AS [cc_raw_4]',
  '[c].[cCusMnemCode] AS [cc_raw_5]',
  '[c].[dEndDate] AS [cc_raw_6]',
].join(', ');
const U8_FROM =
  '[Customer] [c] LEFT JOIN [CustomerClass] [cc] ON [c].[cCCCode] = [cc].[cCCCode] LEFT JOIN [DistrictClass] [dc] ON [c].[cDCCode] = [dc].[cDCCode]';
const U8_STATUS = "CASE WHEN [c].[dEndDate] IS NOT NULL THEN 'blocked' ELSE 'active' END";

describe('U8 golden T-SQL (SQL Server)', () => {
  const mapping = u8CustomerMapping();

  it('first page: keyset order by cCusCode, a literal row count', () => {
    const query = compileCustomerQuery(mapping, 'mssql', { shape: 'page', limit: 1000 });
    expect(query.sql).toBe(`SELECT ${U8_SELECT} FROM ${U8_FROM} ORDER BY [c].[cCusCode] OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY`);
    expect(query.params).toEqual([]);
    parsesAsTransactSql(query.sql);
  });

  it('next page with text (pinyin pushed down to cCusMnemCode), class code or name, status', () => {
    const query = compileCustomerQuery(mapping, 'mssql', {
      shape: 'page',
      limit: 500,
      after: { code: 'KH2023010005' },
      filter: { text: 'bjxc', category: '01', status: 'blocked' },
    });
    const text =
      "(LOWER([c].[cCusCode]) LIKE LOWER(@p1) ESCAPE '!' OR LOWER([c].[cCusName]) LIKE LOWER(@p2) ESCAPE '!'" +
      " OR LOWER([c].[cCusAbbName]) LIKE LOWER(@p3) ESCAPE '!' OR LOWER([c].[cCusMnemCode]) LIKE LOWER(@p4) ESCAPE '!')";
    expect(query.sql).toBe(
      `SELECT ${U8_SELECT} FROM ${U8_FROM} WHERE ${text} AND ([cc].[cCCName] = @p5 OR [c].[cCCCode] = @p6)` +
        ` AND ${U8_STATUS} IN (@p7) AND [c].[cCusCode] > @p8 ORDER BY [c].[cCusCode] OFFSET 0 ROWS FETCH NEXT 500 ROWS ONLY`,
    );
    expect(query.params).toEqual(['%bjxc%', '%bjxc%', '%bjxc%', 'bjxc%', '01', '01', 'blocked', 'KH2023010005']);
    parsesAsTransactSql(query.sql);
  });

  it('lookup: an IN list of bound codes', () => {
    const query = compileCustomerQuery(mapping, 'mssql', { shape: 'lookup', codes: ['KH2024080001', '1001'] });
    expect(query.sql).toBe(`SELECT ${U8_SELECT} FROM ${U8_FROM} WHERE [c].[cCusCode] IN (@p1, @p2) ORDER BY [c].[cCusCode]`);
    expect(query.params).toEqual(['KH2024080001', '1001']);
    parsesAsTransactSql(query.sql);
  });

  it('count with a region and dates (ISO parameters; dModifyDate falls back to dCusCreateDatetime)', () => {
    const query = compileCustomerQuery(mapping, 'mssql', {
      shape: 'count',
      filter: { region: '北京', createdFrom: '2024-01-01', updatedSince: '2024-06-01T08:30' },
    });
    expect(query.sql).toBe(
      // The region filter reads DistrictClass; CustomerClass (one row per customer at most) is left out.
      'SELECT COUNT(*) AS [cc_count] FROM [Customer] [c] LEFT JOIN [DistrictClass] [dc] ON [c].[cDCCode] = [dc].[cDCCode] WHERE ([dc].[cDCName] = @p1 OR [c].[cDCCode] = @p2)' +
        ' AND [c].[dCusCreateDatetime] >= @p3 AND COALESCE([c].[dModifyDate], [c].[dCusCreateDatetime]) >= @p4',
    );
    expect(query.params).toEqual(['北京', '北京', '2024-01-01T00:00:00', '2024-06-01T08:30:00']);
    parsesAsTransactSql(query.sql);
  });

  it('a schema option qualifies every table', () => {
    const query = compileCustomerQuery(u8CustomerMapping({ schema: 'dbo' }), 'mssql', { shape: 'page', filter: { category: '01' }, limit: 5 });
    expect(query.sql).toBe(
      `SELECT ${U8_SELECT} FROM [dbo].[Customer] [c] LEFT JOIN [dbo].[CustomerClass] [cc] ON [c].[cCCCode] = [cc].[cCCCode]` +
        ' LEFT JOIN [dbo].[DistrictClass] [dc] ON [c].[cDCCode] = [dc].[cDCCode] WHERE ([cc].[cCCName] = @p1 OR [c].[cCCCode] = @p2) ORDER BY [c].[cCusCode] OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY',
    );
    parsesAsTransactSql(query.sql);
    expect(compileCustomerQuery(u8CustomerMapping({ schema: 'dbo' }), 'mssql', { shape: 'count' }).sql).toBe('SELECT COUNT(*) AS [cc_count] FROM [dbo].[Customer] [c]');
  });

  it('a projection reads only the class and region joins its fields, filters or sort need', () => {
    const fields = ['source', 'erp', 'code', 'name', 'taxId'] as const;
    const plain = compileCustomerQuery(mapping, 'mssql', { shape: 'page', fields, limit: 50 });
    expect(plain.sql).toBe('SELECT [c].[cCusCode] AS [cc_code], [c].[cCusName] AS [cc_name], [c].[cCusRegCode] AS [cc_taxId] FROM [Customer] [c] ORDER BY [c].[cCusCode] OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY');
    // Filtered by category and sorted by region: both joins stay, and the parameters keep their order.
    const joined = compileCustomerQuery(mapping, 'mssql', { shape: 'page', fields, filter: { category: '01' }, sort: [{ field: 'region', direction: 'asc' }], after: { code: 'KH1', sort: ['北京'] } as never, limit: 50 });
    expect(joined.sql).toContain(' LEFT JOIN [CustomerClass] [cc] ON ');
    expect(joined.sql).toContain(' LEFT JOIN [DistrictClass] [dc] ON ');
    expect(joined.params.slice(0, 2)).toEqual(['01', '01']);
    parsesAsTransactSql(joined.sql);
    // The category alone: only CustomerClass.
    const category = compileCustomerQuery(mapping, 'mssql', { shape: 'page', fields: [...fields, 'category'], limit: 50 });
    expect(category.sql).toContain('[cc].[cCCName] AS [cc_category] FROM [Customer] [c] LEFT JOIN [CustomerClass] [cc] ON [c].[cCCCode] = [cc].[cCCCode] ORDER BY');
    expect(category.sql).not.toContain('DistrictClass');
  });
});

const NC_STATUS =
  'CASE WHEN ("c"."dr" IS NOT NULL AND ("c"."dr" IS NULL OR "c"."dr" <> :1)) THEN \'deleted\'' +
  ' WHEN ("c"."enablestate" IS NULL OR "c"."enablestate" <> :2) THEN \'blocked\' ELSE \'active\' END';
const NC_RAW = ['pk_customer', 'code', 'name', 'pk_group', 'pk_org', 'pk_custclass', 'enablestate', 'dr'];
/** Raw columns as selected: those that are also the code or a field's plain column (`skip`) are read from that column instead. */
const rawItems = (columns: string[], skip: string[]) =>
  columns.flatMap((column, index) => (skip.includes(column) ? [] : [`"c"."${column}" AS "cc_raw_${index}"`]));

describe('NC golden Oracle SQL', () => {
  it('lookup in one org (confirmed columns only)', () => {
    const query = compileCustomerQuery(ncBdCustomerMapping(), 'oracle', { shape: 'lookup', codes: ['KH2024080001'], org: '0001A11000000000ORG1' });
    const select = [
      '"c"."code" AS "cc_code"',
      '"c"."name" AS "cc_name"',
      `${NC_STATUS} AS "cc_status"`,
      '"c"."pk_org" AS "cc_org"',
      ...rawItems(NC_RAW, ['code', 'name']),
    ].join(', ');
    expect(query.sql).toBe(`SELECT ${select} FROM "bd_customer" "c" WHERE "c"."code" IN (:3) AND "c"."pk_org" = :4 ORDER BY "c"."code", "c"."pk_org"`);
    expect(query.params).toEqual([0, 2, 'KH2024080001', '0001A11000000000ORG1']);
  });

  it('page after a (code, org) cursor with the likely optional columns and a status list', () => {
    const query = compileCustomerQuery(ncBdCustomerMapping({ columns: NC_LIKELY_COLUMNS }), 'oracle', {
      shape: 'page',
      limit: 1000,
      after: { code: 'KH2024080001', org: '0001A11000000000ORG1' },
      filter: { status: ['active', 'deleted'], text: 'xc' },
    });
    const select = [
      '"c"."code" AS "cc_code"',
      '"c"."name" AS "cc_name"',
      '"c"."shortname" AS "cc_shortName"',
      '"c"."taxpayerid" AS "cc_taxId"',
      '"c"."tel1" AS "cc_phone"',
      `${NC_STATUS} AS "cc_status"`,
      '"c"."creationtime" AS "cc_createdAt"',
      '"c"."modifiedtime" AS "cc_updatedAt"',
      '"c"."pk_org" AS "cc_org"',
      ...rawItems([...NC_RAW, 'shortname', 'taxpayerid', 'tel1', 'creationtime', 'modifiedtime', 'mnecode'], ['code', 'name', 'shortname', 'taxpayerid', 'tel1', 'creationtime', 'modifiedtime']),
    ].join(', ');
    const text =
      '(LOWER("c"."code") LIKE LOWER(:3) ESCAPE \'!\' OR LOWER("c"."name") LIKE LOWER(:4) ESCAPE \'!\'' +
      ' OR LOWER("c"."shortname") LIKE LOWER(:5) ESCAPE \'!\' OR LOWER("c"."mnecode") LIKE LOWER(:6) ESCAPE \'!\')';
    const statusInWhere = NC_STATUS.replace(':1', ':7').replace(':2', ':8');
    expect(query.sql).toBe(
      `SELECT ${select} FROM "bd_customer" "c" WHERE ${text} AND ${statusInWhere} IN (:9, :10)` +
        ' AND ("c"."code" > :11 OR ("c"."code" = :12 AND "c"."pk_org" > :13))' +
        ' ORDER BY "c"."code", "c"."pk_org" FETCH FIRST 1000 ROWS ONLY',
    );
    expect(query.params).toEqual([
      0, 2, '%xc%', '%xc%', '%xc%', 'xc%', 0, 2, 'active', 'deleted',
      'KH2024080001', 'KH2024080001', '0001A11000000000ORG1',
    ]);
  });

  it('count of one org (no org asked: every row)', () => {
    const mapping = ncBdCustomerMapping();
    expect(compileCustomerQuery(mapping, 'oracle', { shape: 'count' }).sql).toBe('SELECT COUNT(*) AS "cc_count" FROM "bd_customer" "c"');
    const scoped = compileCustomerQuery(mapping, 'oracle', { shape: 'count', filter: { org: '0001A11000000000ORG2' } });
    expect(scoped.sql).toBe('SELECT COUNT(*) AS "cc_count" FROM "bd_customer" "c" WHERE "c"."pk_org" = :1');
    expect(scoped.params).toEqual(['0001A11000000000ORG2']);
  });
});
