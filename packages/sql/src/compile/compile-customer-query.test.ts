import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { EXISTS_MAPPING, GOLDEN_MAPPING } from '../../test/golden-mappings.js';
import { compileCustomerQuery } from './compile-customer-query.js';

// Every filter at once; values carry LIKE wildcards to show the escaping.
const ALL_FILTERS = {
  text: 'ab',
  codePrefix: 'K_',
  name: '50%',
  phone: '010',
  category: '01',
  region: 'BJ',
  status: ['active', 'blocked'] as Array<'active' | 'blocked'>,
  org: '100',
  createdFrom: '2024-01-01',
  createdTo: '2024-01-31',
  updatedSince: '2024-02-01T08:00',
};
const AFTER = { code: 'K001', org: '100' };

const ALL_FILTER_PARAMS = (dates: [string, string, string]) => [
  'Y', // blocked flag in the SELECT's status CASE
  '%ab%', '%ab%', '%ab%', 'ab%', // text contains code, name, short name; a prefix of the mnemonic
  'K!_%', // codePrefix: `_` escaped
  '%50!%%', // name: `%` escaped
  '%010%',
  '01', '01', // category value or class code
  'BJ',
  'Y', 'active', 'blocked', // status CASE again, then the wanted statuses
  '100',
  ...dates,
  'K001', 'K001', '100', // keyset
];

/** node-sql-parser's T-SQL grammar has no LIKE … ESCAPE; everything else must parse as written. */
function parseTransactSql(sql: string): void {
  new Parser().astify(sql.replaceAll(` ESCAPE '!'`, ''), { database: 'TransactSQL' });
}

describe('SQL Server (T-SQL)', () => {
  const select =
    "SELECT [c].[cCusCode] AS [cc_code], [c].[cCusName] AS [cc_name], " +
    "CASE WHEN RTRIM([c].[cCusAbbName]) <> '' THEN [c].[cCusAbbName] WHEN RTRIM([c].[cCusName]) <> '' THEN [c].[cCusName] END AS [cc_shortName], " +
    "[c].[cCusPhone] AS [cc_phone], " +
    "SUBSTRING(CONCAT(CASE WHEN RTRIM([c].[cCusAddress]) <> '' THEN CONCAT(N' ', RTRIM([c].[cCusAddress])) ELSE '' END, " +
    "CASE WHEN RTRIM([c].[cCusPostCode]) <> '' THEN CONCAT(N' ', RTRIM([c].[cCusPostCode])) ELSE '' END), 2, 2147483647) AS [cc_address], " +
    "[k].[cCCName] AS [cc_category], [c].[cDCCode] AS [cc_region], " +
    "CASE WHEN [c].[dEndDate] IS NOT NULL THEN 'deleted' WHEN [c].[cFrozen] = @p1 THEN 'blocked' ELSE 'active' END AS [cc_status], " +
    "[c].[dCusCreateDatetime] AS [cc_createdAt], [c].[dModifyDate] AS [cc_updatedAt], [c].[cOrg] AS [cc_org], " +
    "[c].[dEndDate] AS [cc_raw_1] " +
    "FROM [dbo].[Customer] [c] LEFT JOIN [dbo].[CustomerClass] [k] ON [c].[cCCCode] = [k].[cCCCode]";

  it('page: every filter, keyset after (code, org), first N', () => {
    const compiled = compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'page', filter: ALL_FILTERS, after: AFTER, limit: 50 });
    expect(compiled.sql).toBe(
      select +
        " WHERE RTRIM([c].[cCusCode]) <> ''" +
        " AND (LOWER([c].[cCusCode]) LIKE LOWER(@p2) ESCAPE '!' OR LOWER([c].[cCusName]) LIKE LOWER(@p3) ESCAPE '!'" +
        " OR LOWER(CASE WHEN RTRIM([c].[cCusAbbName]) <> '' THEN [c].[cCusAbbName] WHEN RTRIM([c].[cCusName]) <> '' THEN [c].[cCusName] END) LIKE LOWER(@p4) ESCAPE '!'" +
        " OR LOWER([c].[cCusMnemCode]) LIKE LOWER(@p5) ESCAPE '!')" +
        " AND LOWER([c].[cCusCode]) LIKE LOWER(@p6) ESCAPE '!'" +
        " AND LOWER([c].[cCusName]) LIKE LOWER(@p7) ESCAPE '!'" +
        " AND LOWER([c].[cCusPhone]) LIKE LOWER(@p8) ESCAPE '!'" +
        " AND ([k].[cCCName] = @p9 OR [c].[cCCCode] = @p10)" +
        " AND [c].[cDCCode] = @p11" +
        " AND CASE WHEN [c].[dEndDate] IS NOT NULL THEN 'deleted' WHEN [c].[cFrozen] = @p12 THEN 'blocked' ELSE 'active' END IN (@p13, @p14)" +
        " AND [c].[cOrg] = @p15" +
        " AND [c].[dCusCreateDatetime] >= @p16 AND [c].[dCusCreateDatetime] < @p17" +
        " AND COALESCE([c].[dModifyDate], [c].[dCusCreateDatetime]) >= @p18" +
        " AND ([c].[cCusCode] > @p19 OR ([c].[cCusCode] = @p20 AND [c].[cOrg] > @p21))" +
        " ORDER BY [c].[cCusCode], [c].[cOrg] OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY",
    );
    expect(compiled.params).toEqual(ALL_FILTER_PARAMS(['2024-01-01T00:00:00', '2024-02-01T00:00:00', '2024-02-01T08:00:00']));
    parseTransactSql(compiled.sql);
  });

  it('lookup in an org, and without one (the withoutOrg rows)', () => {
    const inOrg = compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'lookup', codes: ['K001', 'K002'], org: '100' });
    expect(inOrg.sql).toBe(
      select + " WHERE RTRIM([c].[cCusCode]) <> '' AND [c].[cCusCode] IN (@p2, @p3) AND [c].[cOrg] = @p4 ORDER BY [c].[cCusCode], [c].[cOrg]",
    );
    expect(inOrg.params).toEqual(['Y', 'K001', 'K002', '100']);
    parseTransactSql(inOrg.sql);
    const home = compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'lookup', codes: ['K001'] });
    expect(home.sql).toBe(select + " WHERE RTRIM([c].[cCusCode]) <> '' AND [c].[cCusCode] IN (@p2) AND [c].[bHome] = @p3 ORDER BY [c].[cCusCode], [c].[cOrg]");
    expect(home.params).toEqual(['Y', 'K001', 1]);
    parseTransactSql(home.sql);
  });

  it('count', () => {
    const compiled = compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'count', filter: { status: 'deleted' } });
    expect(compiled.sql).toBe(
      "SELECT COUNT(*) AS [cc_count] FROM [dbo].[Customer] [c] LEFT JOIN [dbo].[CustomerClass] [k] ON [c].[cCCCode] = [k].[cCCCode]" +
        " WHERE RTRIM([c].[cCusCode]) <> ''" +
        " AND CASE WHEN [c].[dEndDate] IS NOT NULL THEN 'deleted' WHEN [c].[cFrozen] = @p1 THEN 'blocked' ELSE 'active' END IN (@p2)",
    );
    // withoutOrg (bHome) narrows lookups only: a count without an org counts every org's row.
    expect(compiled.params).toEqual(['Y', 'deleted']);
    parseTransactSql(compiled.sql);
  });

  it('escapes [ in LIKE patterns and quotes ] in identifiers', () => {
    const compiled = compileCustomerQuery({ ...GOLDEN_MAPPING, code: 'c.odd]name', where: undefined }, 'mssql', { shape: 'count', filter: { codePrefix: '[a]!' } });
    expect(compiled.sql).toMatch(/WHERE LOWER\(\[c\]\.\[odd\]\]name\]\) LIKE LOWER\(@p1\) ESCAPE '!'$/);
    expect(compiled.params).toEqual(['![a]!!%']);
  });
});

describe('Oracle 12c+', () => {
  const select =
    'SELECT "c"."cCusCode" AS "cc_code", "c"."cCusName" AS "cc_name", ' +
    'CASE WHEN RTRIM("c"."cCusAbbName") IS NOT NULL THEN "c"."cCusAbbName" WHEN RTRIM("c"."cCusName") IS NOT NULL THEN "c"."cCusName" END AS "cc_shortName", ' +
    '"c"."cCusPhone" AS "cc_phone", ' +
    `SUBSTR(CASE WHEN RTRIM("c"."cCusAddress") IS NOT NULL THEN ' ' || RTRIM("c"."cCusAddress") ELSE '' END || ` +
    `CASE WHEN RTRIM("c"."cCusPostCode") IS NOT NULL THEN ' ' || RTRIM("c"."cCusPostCode") ELSE '' END, 2) AS "cc_address", ` +
    '"k"."cCCName" AS "cc_category", "c"."cDCCode" AS "cc_region", ' +
    `CASE WHEN "c"."dEndDate" IS NOT NULL THEN 'deleted' WHEN "c"."cFrozen" = :1 THEN 'blocked' ELSE 'active' END AS "cc_status", ` +
    '"c"."dCusCreateDatetime" AS "cc_createdAt", "c"."dModifyDate" AS "cc_updatedAt", "c"."cOrg" AS "cc_org", ' +
    '"c"."dEndDate" AS "cc_raw_1" ' +
    'FROM "dbo"."Customer" "c" LEFT JOIN "dbo"."CustomerClass" "k" ON "c"."cCCCode" = "k"."cCCCode"';

  it('page: every filter, dates through TO_DATE, FETCH FIRST', () => {
    const compiled = compileCustomerQuery(GOLDEN_MAPPING, 'oracle', { shape: 'page', filter: ALL_FILTERS, after: AFTER, limit: 50 });
    expect(compiled.sql).toBe(
      select +
        ' WHERE RTRIM("c"."cCusCode") IS NOT NULL' +
        ` AND (LOWER("c"."cCusCode") LIKE LOWER(:2) ESCAPE '!' OR LOWER("c"."cCusName") LIKE LOWER(:3) ESCAPE '!'` +
        ` OR LOWER(CASE WHEN RTRIM("c"."cCusAbbName") IS NOT NULL THEN "c"."cCusAbbName" WHEN RTRIM("c"."cCusName") IS NOT NULL THEN "c"."cCusName" END) LIKE LOWER(:4) ESCAPE '!'` +
        ` OR LOWER("c"."cCusMnemCode") LIKE LOWER(:5) ESCAPE '!')` +
        ` AND LOWER("c"."cCusCode") LIKE LOWER(:6) ESCAPE '!'` +
        ` AND LOWER("c"."cCusName") LIKE LOWER(:7) ESCAPE '!'` +
        ` AND LOWER("c"."cCusPhone") LIKE LOWER(:8) ESCAPE '!'` +
        ' AND ("k"."cCCName" = :9 OR "c"."cCCCode" = :10)' +
        ' AND "c"."cDCCode" = :11' +
        ` AND CASE WHEN "c"."dEndDate" IS NOT NULL THEN 'deleted' WHEN "c"."cFrozen" = :12 THEN 'blocked' ELSE 'active' END IN (:13, :14)` +
        ' AND "c"."cOrg" = :15' +
        ` AND "c"."dCusCreateDatetime" >= TO_DATE(:16, 'YYYY-MM-DD HH24:MI:SS') AND "c"."dCusCreateDatetime" < TO_DATE(:17, 'YYYY-MM-DD HH24:MI:SS')` +
        ` AND COALESCE("c"."dModifyDate", "c"."dCusCreateDatetime") >= TO_DATE(:18, 'YYYY-MM-DD HH24:MI:SS')` +
        ' AND ("c"."cCusCode" > :19 OR ("c"."cCusCode" = :20 AND "c"."cOrg" > :21))' +
        ' ORDER BY "c"."cCusCode", "c"."cOrg" FETCH FIRST 50 ROWS ONLY',
    );
    expect(compiled.params).toEqual(ALL_FILTER_PARAMS(['2024-01-01 00:00:00', '2024-02-01 00:00:00', '2024-02-01 08:00:00']));
  });

  it('lookup and count with an EXISTS org', () => {
    const lookup = compileCustomerQuery(EXISTS_MAPPING, 'oracle', { shape: 'lookup', codes: ['1001', '1002'], org: '204' });
    expect(lookup.sql).toBe(
      `SELECT "ca"."ACCOUNT_NUMBER" AS "cc_code", "ca"."ACCOUNT_NAME" AS "cc_name", ` +
        `CASE WHEN ("ca"."STATUS" IS NULL OR "ca"."STATUS" <> :1) THEN 'blocked' ELSE 'active' END AS "cc_status", ` +
        `"ca"."CUST_ACCOUNT_ID" AS "cc_raw_0" FROM "AR"."HZ_CUST_ACCOUNTS" "ca"` +
        ` WHERE "ca"."ACCOUNT_NUMBER" IN (:2, :3)` +
        ` AND EXISTS (SELECT 1 FROM "AR"."HZ_CUST_ACCT_SITES_ALL" "s" WHERE "s"."CUST_ACCOUNT_ID" = "ca"."CUST_ACCOUNT_ID" AND "s"."ORG_ID" = :4 AND "s"."STATUS" = :5)` +
        ` ORDER BY "ca"."ACCOUNT_NUMBER"`,
    );
    expect(lookup.params).toEqual(['A', '1001', '1002', '204', 'A']);
    const count = compileCustomerQuery(EXISTS_MAPPING, 'oracle', { shape: 'count', filter: { name: '' } });
    expect(count.sql).toBe(`SELECT COUNT(*) AS "cc_count" FROM "AR"."HZ_CUST_ACCOUNTS" "ca" WHERE 1 = 1`);
    expect(count.params).toEqual([]);
  });
});

describe('mapping settings of the org: defaultOrg and whole-number columns', () => {
  const scoped = { ...EXISTS_MAPPING, org: { ...EXISTS_MAPPING.org!, defaultOrg: '204' }, numericColumns: ['s.ORG_ID'] };
  const orgParams = (query: Parameters<typeof compileCustomerQuery>[2]) => compileCustomerQuery(scoped, 'postgres', query).params;

  it('scopes calls that name no org to defaultOrg; an explicit org wins', () => {
    expect(orgParams({ shape: 'lookup', codes: ['1001'] })).toEqual(['A', '1001', '204', 'A']);
    expect(orgParams({ shape: 'count' })).toEqual(['204', 'A']);
    expect(orgParams({ shape: 'page', filter: {}, limit: 5 })).toEqual(['A', '204', 'A']);
    expect(orgParams({ shape: 'lookup', codes: ['1001'], org: '205' })).toEqual(['A', '1001', '205', 'A']);
  });

  it('compares a whole-number column only with integers written as the record shows them', () => {
    for (const org of ['0204', '204.0', '204.5', 'Vision Operations']) {
      const count = compileCustomerQuery(scoped, 'postgres', { shape: 'count', filter: { org } });
      expect(count.sql, org).toBe('SELECT COUNT(*) AS "cc_count" FROM "AR"."HZ_CUST_ACCOUNTS" "ca" WHERE 1 = 0');
    }
    expect(compileCustomerQuery(scoped, 'postgres', { shape: 'count', filter: { org: '-1' } }).params).toEqual(['-1', 'A']);
  });
});

describe('text confined to some fields (a role that masks the name)', () => {
  const count = (textFields: Array<'code' | 'name' | 'shortName'>) => compileCustomerQuery(GOLDEN_MAPPING, 'sqlite', { shape: 'count', filter: { text: 'bjhx', textFields } }).sql;

  it('leaves the name and its mnemonic out of the WHERE the database runs', () => {
    expect(count(['code', 'shortName'])).toBe(
      'SELECT COUNT(*) AS "cc_count" FROM "dbo"."Customer" "c" LEFT JOIN "dbo"."CustomerClass" "k" ON "c"."cCCCode" = "k"."cCCCode"' +
        ` WHERE RTRIM("c"."cCusCode") <> ''` +
        ` AND (LOWER("c"."cCusCode") LIKE LOWER(?) ESCAPE '!'` +
        ` OR LOWER(CASE WHEN RTRIM("c"."cCusAbbName") <> '' THEN "c"."cCusAbbName" WHEN RTRIM("c"."cCusName") <> '' THEN "c"."cCusName" END) LIKE LOWER(?) ESCAPE '!')`,
    );
    expect(count(['code'])).not.toMatch(/cCusName|cCusMnemCode|cCusAbbName/);
    expect(count(['name'])).toMatch(/cCusMnemCode/);
  });
});

describe('MySQL / MariaDB, PostgreSQL, SQLite', () => {
  const mapping = { ...EXISTS_MAPPING, org: undefined, fields: { name: 'ca.ACCOUNT_NAME', createdAt: 'ca.CREATION_DATE' } };
  const query = { shape: 'page' as const, filter: { text: 'a_b', createdFrom: '2024-01-01' }, after: { code: 'A1' }, limit: 100 };

  it('mysql: backticks, ?, LIMIT', () => {
    const compiled = compileCustomerQuery(mapping, 'mysql', query);
    expect(compiled.sql).toBe(
      "SELECT `ca`.`ACCOUNT_NUMBER` AS `cc_code`, `ca`.`ACCOUNT_NAME` AS `cc_name`, " +
        "CASE WHEN (`ca`.`STATUS` IS NULL OR `ca`.`STATUS` <> ?) THEN 'blocked' ELSE 'active' END AS `cc_status`, " +
        "CAST(`ca`.`CREATION_DATE` AS CHAR) AS `cc_createdAt`, `ca`.`CUST_ACCOUNT_ID` AS `cc_raw_0` FROM `AR`.`HZ_CUST_ACCOUNTS` `ca`" +
        " WHERE (LOWER(`ca`.`ACCOUNT_NUMBER`) LIKE LOWER(?) ESCAPE '!' OR LOWER(`ca`.`ACCOUNT_NAME`) LIKE LOWER(?) ESCAPE '!')" +
        " AND `ca`.`CREATION_DATE` >= ? AND `ca`.`ACCOUNT_NUMBER` > ? ORDER BY `ca`.`ACCOUNT_NUMBER` LIMIT 100",
    );
    expect(compiled.params).toEqual(['A', '%a!_b%', '%a!_b%', '2024-01-01 00:00:00', 'A1']);
    new Parser().astify(compiled.sql, { database: 'MariaDB' });
  });

  it('postgres: $n placeholders', () => {
    const compiled = compileCustomerQuery(mapping, 'postgres', query);
    expect(compiled.sql).toBe(
      'SELECT "ca"."ACCOUNT_NUMBER" AS "cc_code", "ca"."ACCOUNT_NAME" AS "cc_name", ' +
        `CASE WHEN ("ca"."STATUS" IS NULL OR "ca"."STATUS" <> $1) THEN 'blocked' ELSE 'active' END AS "cc_status", ` +
        '"ca"."CREATION_DATE" AS "cc_createdAt", "ca"."CUST_ACCOUNT_ID" AS "cc_raw_0" FROM "AR"."HZ_CUST_ACCOUNTS" "ca"' +
        ` WHERE (LOWER("ca"."ACCOUNT_NUMBER") LIKE LOWER($2) ESCAPE '!' OR LOWER("ca"."ACCOUNT_NAME") LIKE LOWER($3) ESCAPE '!')` +
        ' AND "ca"."CREATION_DATE" >= $4 AND "ca"."ACCOUNT_NUMBER" > $5 ORDER BY "ca"."ACCOUNT_NUMBER" LIMIT 100',
    );
    expect(compiled.params).toEqual(['A', '%a!_b%', '%a!_b%', '2024-01-01 00:00:00', 'A1']);
  });

  it('sqlite: datetime() on date columns', () => {
    const compiled = compileCustomerQuery(mapping, 'sqlite', query);
    expect(compiled.sql).toBe(
      'SELECT "ca"."ACCOUNT_NUMBER" AS "cc_code", "ca"."ACCOUNT_NAME" AS "cc_name", ' +
        `CASE WHEN ("ca"."STATUS" IS NULL OR "ca"."STATUS" <> ?) THEN 'blocked' ELSE 'active' END AS "cc_status", ` +
        '"ca"."CREATION_DATE" AS "cc_createdAt", "ca"."CUST_ACCOUNT_ID" AS "cc_raw_0" FROM "AR"."HZ_CUST_ACCOUNTS" "ca"' +
        ` WHERE (LOWER("ca"."ACCOUNT_NUMBER") LIKE LOWER(?) ESCAPE '!' OR LOWER("ca"."ACCOUNT_NAME") LIKE LOWER(?) ESCAPE '!')` +
        ' AND datetime("ca"."CREATION_DATE") >= ? AND "ca"."ACCOUNT_NUMBER" > ? ORDER BY "ca"."ACCOUNT_NUMBER" LIMIT 100',
    );
    expect(compiled.params).toEqual(['A', '%a!_b%', '%a!_b%', '2024-01-01 00:00:00', 'A1']);
  });
});

describe('what can never match, and bad shapes', () => {
  it('drops filters that no stored value can satisfy instead of sending them', () => {
    const nul = compileCustomerQuery(EXISTS_MAPPING, 'postgres', { shape: 'count', filter: { name: 'a\u0000b' } });
    expect(nul).toEqual({ sql: 'SELECT COUNT(*) AS "cc_count" FROM "AR"."HZ_CUST_ACCOUNTS" "ca" WHERE 1 = 0', params: [] });
    const long = compileCustomerQuery(EXISTS_MAPPING, 'oracle', { shape: 'count', filter: { name: 'x'.repeat(10_000) } });
    expect(long.sql).toMatch(/WHERE 1 = 0$/);
    const mysqlLong = compileCustomerQuery(EXISTS_MAPPING, 'mysql', { shape: 'count', filter: { name: 'x'.repeat(10_000) } });
    expect(mysqlLong.params).toEqual([`%${'x'.repeat(10_000)}%`]);
  });

  it('refuses a page size that is not a positive integer and an empty lookup', () => {
    expect(() => compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'page', limit: 1.5 })).toThrow(/positive integer/);
    expect(() => compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'page', limit: 0 })).toThrow(/positive integer/);
    expect(() => compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'lookup', codes: [] })).toThrow(/at least one code/);
  });
});

describe('numeric columns (known from the catalog)', () => {
  const mapping = { ...EXISTS_MAPPING, status: {}, org: undefined, raw: [] };
  const numeric = { numericColumns: ['ca.ACCOUNT_NUMBER'] };

  it('casts them to text for LIKE and never compares them with non-numbers', () => {
    const page = compileCustomerQuery(mapping, 'mssql', { shape: 'page', filter: { codePrefix: '10' }, limit: 5 }, numeric);
    expect(page.sql).toBe(
      "SELECT [ca].[ACCOUNT_NUMBER] AS [cc_code], [ca].[ACCOUNT_NAME] AS [cc_name], 'active' AS [cc_status] FROM [AR].[HZ_CUST_ACCOUNTS] [ca]" +
        " WHERE LOWER(CAST([ca].[ACCOUNT_NUMBER] AS NVARCHAR(60))) LIKE LOWER(@p1) ESCAPE '!' ORDER BY [ca].[ACCOUNT_NUMBER] OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY",
    );
    const lookup = compileCustomerQuery(mapping, 'oracle', { shape: 'lookup', codes: ['1001', 'C-1', '0012', '0'] }, numeric);
    expect(lookup.sql).toMatch(/WHERE "ca"."ACCOUNT_NUMBER" IN \(:1, :2\) ORDER BY/);
    expect(lookup.params).toEqual(['1001', '0']);
    const none = compileCustomerQuery(mapping, 'postgres', { shape: 'lookup', codes: ['C-1'] }, numeric);
    expect(none.sql).toMatch(/WHERE 1 = 0 ORDER BY/);
    expect(none.params).toEqual([]);
  });
});

describe('the GOLDEN mapping on the other dialects', () => {
  const ansiSelect =
    'SELECT "c"."cCusCode" AS "cc_code", "c"."cCusName" AS "cc_name", ' +
    `CASE WHEN RTRIM("c"."cCusAbbName") <> '' THEN "c"."cCusAbbName" WHEN RTRIM("c"."cCusName") <> '' THEN "c"."cCusName" END AS "cc_shortName", ` +
    '"c"."cCusPhone" AS "cc_phone", ' +
    `SUBSTR(CASE WHEN RTRIM("c"."cCusAddress") <> '' THEN ' ' || RTRIM("c"."cCusAddress") ELSE '' END || ` +
    `CASE WHEN RTRIM("c"."cCusPostCode") <> '' THEN ' ' || RTRIM("c"."cCusPostCode") ELSE '' END, 2) AS "cc_address", ` +
    '"k"."cCCName" AS "cc_category", "c"."cDCCode" AS "cc_region", ' +
    `CASE WHEN "c"."dEndDate" IS NOT NULL THEN 'deleted' WHEN "c"."cFrozen" = $1 THEN 'blocked' ELSE 'active' END AS "cc_status", ` +
    '"c"."dCusCreateDatetime" AS "cc_createdAt", "c"."dModifyDate" AS "cc_updatedAt", "c"."cOrg" AS "cc_org", ' +
    '"c"."dEndDate" AS "cc_raw_1" ' +
    'FROM "dbo"."Customer" "c" LEFT JOIN "dbo"."CustomerClass" "k" ON "c"."cCCCode" = "k"."cCCCode"';
  const mysqlSelect =
    'SELECT `c`.`cCusCode` AS `cc_code`, `c`.`cCusName` AS `cc_name`, ' +
    "CASE WHEN RTRIM(`c`.`cCusAbbName`) <> '' THEN `c`.`cCusAbbName` WHEN RTRIM(`c`.`cCusName`) <> '' THEN `c`.`cCusName` END AS `cc_shortName`, " +
    '`c`.`cCusPhone` AS `cc_phone`, ' +
    "SUBSTR(CONCAT(CASE WHEN RTRIM(`c`.`cCusAddress`) <> '' THEN CONCAT(' ', RTRIM(`c`.`cCusAddress`)) ELSE '' END, " +
    "CASE WHEN RTRIM(`c`.`cCusPostCode`) <> '' THEN CONCAT(' ', RTRIM(`c`.`cCusPostCode`)) ELSE '' END), 2) AS `cc_address`, " +
    '`k`.`cCCName` AS `cc_category`, `c`.`cDCCode` AS `cc_region`, ' +
    "CASE WHEN `c`.`dEndDate` IS NOT NULL THEN 'deleted' WHEN `c`.`cFrozen` = ? THEN 'blocked' ELSE 'active' END AS `cc_status`, " +
    'CAST(`c`.`dCusCreateDatetime` AS CHAR) AS `cc_createdAt`, CAST(`c`.`dModifyDate` AS CHAR) AS `cc_updatedAt`, `c`.`cOrg` AS `cc_org`, ' +
    '`c`.`dEndDate` AS `cc_raw_1` ' +
    'FROM `dbo`.`Customer` `c` LEFT JOIN `dbo`.`CustomerClass` `k` ON `c`.`cCCCode` = `k`.`cCCCode`';

  it('postgres page: every filter, $1…$21', () => {
    const compiled = compileCustomerQuery(GOLDEN_MAPPING, 'postgres', { shape: 'page', filter: ALL_FILTERS, after: AFTER, limit: 50 });
    expect(compiled.sql).toBe(
      ansiSelect +
        ` WHERE RTRIM("c"."cCusCode") <> ''` +
        ` AND (LOWER("c"."cCusCode") LIKE LOWER($2) ESCAPE '!' OR LOWER("c"."cCusName") LIKE LOWER($3) ESCAPE '!'` +
        ` OR LOWER(CASE WHEN RTRIM("c"."cCusAbbName") <> '' THEN "c"."cCusAbbName" WHEN RTRIM("c"."cCusName") <> '' THEN "c"."cCusName" END) LIKE LOWER($4) ESCAPE '!'` +
        ` OR LOWER("c"."cCusMnemCode") LIKE LOWER($5) ESCAPE '!')` +
        ` AND LOWER("c"."cCusCode") LIKE LOWER($6) ESCAPE '!'` +
        ` AND LOWER("c"."cCusName") LIKE LOWER($7) ESCAPE '!'` +
        ` AND LOWER("c"."cCusPhone") LIKE LOWER($8) ESCAPE '!'` +
        ' AND ("k"."cCCName" = $9 OR "c"."cCCCode" = $10)' +
        ' AND "c"."cDCCode" = $11' +
        ` AND CASE WHEN "c"."dEndDate" IS NOT NULL THEN 'deleted' WHEN "c"."cFrozen" = $12 THEN 'blocked' ELSE 'active' END IN ($13, $14)` +
        ' AND "c"."cOrg" = $15' +
        ' AND "c"."dCusCreateDatetime" >= $16 AND "c"."dCusCreateDatetime" < $17' +
        ' AND COALESCE("c"."dModifyDate", "c"."dCusCreateDatetime") >= $18' +
        ' AND ("c"."cCusCode" > $19 OR ("c"."cCusCode" = $20 AND "c"."cOrg" > $21))' +
        ' ORDER BY "c"."cCusCode", "c"."cOrg" LIMIT 50',
    );
    expect(compiled.params).toEqual(ALL_FILTER_PARAMS(['2024-01-01 00:00:00', '2024-02-01 00:00:00', '2024-02-01 08:00:00']));
  });

  it('sqlite and mysql: lookup and count', () => {
    const sqliteLookup = compileCustomerQuery(GOLDEN_MAPPING, 'sqlite', { shape: 'lookup', codes: ['K001', 'K002'], org: '100' });
    expect(sqliteLookup.sql).toBe(
      ansiSelect.replace('$1', '?') + ` WHERE RTRIM("c"."cCusCode") <> '' AND "c"."cCusCode" IN (?, ?) AND "c"."cOrg" = ? ORDER BY "c"."cCusCode", "c"."cOrg"`,
    );
    expect(sqliteLookup.params).toEqual(['Y', 'K001', 'K002', '100']);
    const sqliteCount = compileCustomerQuery(GOLDEN_MAPPING, 'sqlite', { shape: 'count', filter: { createdTo: '2024-01-31T12:00' } });
    expect(sqliteCount.sql).toBe(
      'SELECT COUNT(*) AS "cc_count" FROM "dbo"."Customer" "c" LEFT JOIN "dbo"."CustomerClass" "k" ON "c"."cCCCode" = "k"."cCCCode"' +
        ` WHERE RTRIM("c"."cCusCode") <> '' AND datetime("c"."dCusCreateDatetime") <= ?`,
    );
    expect(sqliteCount.params).toEqual(['2024-01-31 12:00:00']);
    const mysqlLookup = compileCustomerQuery(GOLDEN_MAPPING, 'mysql', { shape: 'lookup', codes: ['K001'] });
    expect(mysqlLookup.sql).toBe(mysqlSelect + " WHERE RTRIM(`c`.`cCusCode`) <> '' AND `c`.`cCusCode` IN (?) AND `c`.`bHome` = ? ORDER BY `c`.`cCusCode`, `c`.`cOrg`");
    expect(mysqlLookup.params).toEqual(['Y', 'K001', 1]);
    new Parser().astify(mysqlLookup.sql, { database: 'MariaDB' });
    const mysqlCount = compileCustomerQuery(GOLDEN_MAPPING, 'mysql', { shape: 'count', filter: { org: '200', phone: '' } });
    expect(mysqlCount.sql).toBe(
      'SELECT COUNT(*) AS `cc_count` FROM `dbo`.`Customer` `c` LEFT JOIN `dbo`.`CustomerClass` `k` ON `c`.`cCCCode` = `k`.`cCCCode`' +
        " WHERE RTRIM(`c`.`cCusCode`) <> '' AND RTRIM(`c`.`cCusPhone`) <> '' AND `c`.`cOrg` = ?",
    );
    expect(mysqlCount.params).toEqual(['200']);
  });

  it('oracle: lookup without an org keeps the withoutOrg rows', () => {
    const lookup = compileCustomerQuery(GOLDEN_MAPPING, 'oracle', { shape: 'lookup', codes: ['K001'] });
    expect(lookup.sql).toMatch(/ WHERE RTRIM\("c"."cCusCode"\) IS NOT NULL AND "c"."cCusCode" IN \(:2\) AND "c"."bHome" = :3 ORDER BY "c"."cCusCode", "c"."cOrg"$/);
    expect(lookup.params).toEqual(['Y', 'K001', 1]);
  });
});

describe('keyset over a nullable org column (known from the catalog)', () => {
  const nullable = { nullableColumns: ['c.cOrg'] };

  it('orders NULL orgs first everywhere and continues after a NULL-org row within its code', () => {
    const oracle = compileCustomerQuery(GOLDEN_MAPPING, 'oracle', { shape: 'page', after: { code: 'K1' }, limit: 10 }, nullable);
    expect(oracle.sql).toMatch(/ AND \("c"."cCusCode" > :2 OR \("c"."cCusCode" = :3 AND "c"."cOrg" IS NOT NULL\)\) ORDER BY "c"."cCusCode", "c"."cOrg" NULLS FIRST FETCH FIRST 10 ROWS ONLY$/);
    const postgres = compileCustomerQuery(GOLDEN_MAPPING, 'postgres', { shape: 'lookup', codes: ['K1'] }, nullable);
    expect(postgres.sql).toMatch(/ ORDER BY "c"."cCusCode", "c"."cOrg" NULLS FIRST$/);
    const sqlite = compileCustomerQuery(GOLDEN_MAPPING, 'sqlite', { shape: 'page', after: AFTER, limit: 10 }, nullable);
    expect(sqlite.sql).toMatch(/ AND \("c"."cCusCode" > \? OR \("c"."cCusCode" = \? AND "c"."cOrg" > \?\)\) ORDER BY "c"."cCusCode", "c"."cOrg" LIMIT 10$/);
  });

  it('without catalog facts a cursor without an org means "after this code"', () => {
    const compiled = compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'page', after: { code: 'K1' }, limit: 10 });
    expect(compiled.sql).toMatch(/ AND \[c\].\[cCusCode\] > @p2 ORDER BY \[c\].\[cCusCode\], \[c\].\[cOrg\] OFFSET/);
  });
});

describe('projection', () => {
  const selectList = (sql: string) => sql.slice('SELECT '.length, sql.indexOf(' FROM '));

  it('selects only the asked columns, the code and the org; filters still read their own columns', () => {
    const compiled = compileCustomerQuery(GOLDEN_MAPPING, 'mysql', { shape: 'page', filter: { category: '01', status: 'active' }, fields: ['code', 'phone'] });
    const list = selectList(compiled.sql);
    expect(list).toContain('cc_code');
    expect(list).toContain('cc_phone');
    expect(list).toContain('cc_org');
    for (const alias of ['cc_name', 'cc_address', 'cc_status', 'cc_category', 'cc_raw_']) expect(list).not.toContain(alias);
    // The WHERE still filters by category and status although neither is selected.
    expect(compiled.params).toEqual(expect.arrayContaining(['01', 'active']));
  });

  it('selects every column when raw is asked (raw values are read from the fields\u2019 aliases)', () => {
    const full = compileCustomerQuery(GOLDEN_MAPPING, 'mysql', { shape: 'page', filter: {} });
    const withRaw = compileCustomerQuery(GOLDEN_MAPPING, 'mysql', { shape: 'page', filter: {}, fields: ['raw'] });
    expect(withRaw.sql).toBe(full.sql);
  });
});
