import { compileCustomerQuery } from '@custcode/sql';
import { describe, expect, it } from 'vitest';
import { createOracleEbsSource, tcaMapping } from '../src/index.js';

// Expected Oracle statements are written by hand from the TCA mapping; the compiler must produce exactly these.

const notBlank = (column: string) => `RTRIM(${column}) IS NOT NULL`;
const firstNonBlank = (...columns: string[]) => `CASE ${columns.map((column) => `WHEN ${notBlank(column)} THEN ${column}`).join(' ')} END`;
const loc = (column: string) => `"loc"."${column}"`;
const cp = (column: string) => `"cp"."${column}"`;
/** One part of a concatenation: the separator (and a prefix) before a non-blank value, nothing where `unless` holds. */
const piece = (value: string, separator: string, options: { prefix?: string; unless?: string } = {}) =>
  `CASE ${options.unless ? `WHEN ${options.unless} THEN '' ` : ''}WHEN ${notBlank(value)} THEN '${separator}' || ${options.prefix ? `'${options.prefix}' || ` : ''}RTRIM(${value}) ELSE '' END`;
/** The pieces joined, the leading separator cut off. */
const joined = (separator: string, pieces: string[]) => `SUBSTR(${pieces.join(' || ')}, ${separator.length + 1})`;

// Phone: RAW_PHONE_NUMBER, else `+COUNTRY AREA-NUMBER xEXTENSION` from the parts.
const areaAndNumber = joined('-', [piece(cp('PHONE_AREA_CODE'), '-'), piece(cp('PHONE_NUMBER'), '-')]);
const PHONE = firstNonBlank(
  cp('RAW_PHONE_NUMBER'),
  joined(' ', [piece(cp('PHONE_COUNTRY_CODE'), ' ', { prefix: '+' }), piece(areaAndNumber, ' '), piece(cp('PHONE_EXTENSION'), ' ', { prefix: 'x' })]),
);
// Address: COUNTRY 'CN' from the province down (a province equal to its city once), others from the street up.
const chineseAddress = joined(' ', [
  piece(loc('STATE'), ' ', { unless: `${loc('STATE')} = ${loc('CITY')}` }),
  piece(loc('PROVINCE'), ' ', { unless: `(${loc('PROVINCE')} = ${loc('CITY')} OR ${loc('PROVINCE')} = ${loc('STATE')})` }),
  ...['CITY', 'ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'ADDRESS4', 'POSTAL_CODE'].map((column) => piece(loc(column), ' ')),
]);
const cityLine = joined(' ', ['CITY', 'STATE', 'PROVINCE', 'POSTAL_CODE'].map((column) => piece(loc(column), ' ')));
const latinAddress = joined(', ', [...['ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'ADDRESS4'].map((column) => piece(loc(column), ', ')), piece(cityLine, ', ')]);
const ADDRESS = `CASE WHEN ${loc('COUNTRY')} IN (:1) THEN ${chineseAddress} ELSE ${latinAddress} END`;
/** Parameters of the SELECT list: the address's country, then the status CASE's two 'A'. */
const SELECT_PARAMS = ['CN', 'A', 'A'];
const RAW = ['"ca"."CUST_ACCOUNT_ID"', '"ca"."ACCOUNT_NUMBER"', '"ca"."ACCOUNT_NAME"', '"ca"."STATUS"', '"ca"."CUSTOMER_TYPE"',
  '"ca"."CUSTOMER_CLASS_CODE"', '"p"."PARTY_ID"', '"p"."PARTY_NUMBER"', '"p"."PARTY_NAME"', '"p"."PARTY_TYPE"', '"bs"."ORG_ID"'];

function select(name: string): string {
  return [
    '"ca"."ACCOUNT_NUMBER" AS "cc_code"',
    `${name} AS "cc_name"`,
    `${firstNonBlank('"p"."JGZZ_FISCAL_CODE"', '"p"."TAX_REFERENCE"')} AS "cc_taxId"`,
    `${PHONE} AS "cc_phone"`,
    `${ADDRESS} AS "cc_address"`,
    '"ca"."CUSTOMER_CLASS_CODE" AS "cc_category"',
    'CASE WHEN (("ca"."STATUS" IS NULL OR "ca"."STATUS" <> :2) OR ("p"."STATUS" IS NULL OR "p"."STATUS" <> :3)) THEN \'blocked\' ELSE \'active\' END AS "cc_status"',
    '"ca"."CREATION_DATE" AS "cc_createdAt"',
    '"ca"."LAST_UPDATE_DATE" AS "cc_updatedAt"',
    '"bs"."ORG_ID" AS "cc_org"',
    // Raw columns that are also the code, the category or a plain-column name are read from those, not selected again.
    ...RAW.flatMap((column, index) => (['"ca"."ACCOUNT_NUMBER"', '"ca"."CUSTOMER_CLASS_CODE"', name].includes(column) ? [] : [`${column} AS "cc_raw_${index}"`])),
  ].join(', ');
}

/**
 * FROM with the primary bill-to site and the primary phone; `first` is the number of its first placeholder.
 * With `billToOrg`, the bill-to site is also restricted to one ORG_ID (one more placeholder).
 */
function from(first: number, billToOrg = false): string {
  const extra = billToOrg ? 1 : 0;
  const p = (offset: number) => `:${first + offset + (offset >= 2 ? extra : 0)}`;
  const orgCondition = billToOrg ? ` AND "bs"."ORG_ID" = :${first + 2}` : '';
  return (
    '"HZ_CUST_ACCOUNTS" "ca" INNER JOIN "HZ_PARTIES" "p" ON "ca"."PARTY_ID" = "p"."PARTY_ID"' +
    ` LEFT JOIN "HZ_CUST_ACCT_SITES_ALL" "bs" ON "ca"."CUST_ACCOUNT_ID" = "bs"."CUST_ACCOUNT_ID" AND ("bs"."BILL_TO_FLAG" = ${p(0)} AND "bs"."STATUS" = ${p(1)}${orgCondition})` +
    ' LEFT JOIN "HZ_PARTY_SITES" "ps" ON "bs"."PARTY_SITE_ID" = "ps"."PARTY_SITE_ID"' +
    ' LEFT JOIN "HZ_LOCATIONS" "loc" ON "ps"."LOCATION_ID" = "loc"."LOCATION_ID"' +
    ` LEFT JOIN "HZ_CONTACT_POINTS" "cp" ON "p"."PARTY_ID" = "cp"."OWNER_TABLE_ID" AND ("cp"."OWNER_TABLE_NAME" = ${p(2)}` +
    ` AND "cp"."CONTACT_POINT_TYPE" = ${p(3)} AND "cp"."PRIMARY_FLAG" = ${p(4)} AND "cp"."STATUS" = ${p(5)})`
  );
}
const FROM_PARAMS = ['P', 'A', 'HZ_PARTIES', 'PHONE', 'Y', 'A'];
const inOperatingUnit = (org: string, status: string) =>
  `EXISTS (SELECT 1 FROM "HZ_CUST_ACCT_SITES_ALL" "os" WHERE "ca"."CUST_ACCOUNT_ID" = "os"."CUST_ACCOUNT_ID" AND "os"."ORG_ID" = ${org} AND "os"."STATUS" = ${status})`;

describe('EBS TCA golden Oracle SQL', () => {
  const mapping = tcaMapping();

  it('lookup without an org: the account, its org from the primary bill-to site', () => {
    const query = compileCustomerQuery(mapping, 'oracle', { shape: 'lookup', codes: ['1001', 'C-200'] });
    expect(query.sql).toBe(`SELECT ${select('"p"."PARTY_NAME"')} FROM ${from(4)} WHERE "ca"."ACCOUNT_NUMBER" IN (:10, :11) ORDER BY "ca"."ACCOUNT_NUMBER"`);
    expect(query.params).toEqual([...SELECT_PARAMS, ...FROM_PARAMS, '1001', 'C-200']);
  });

  it('lookup in operating unit 204: an active site with that ORG_ID must exist', () => {
    const query = compileCustomerQuery(mapping, 'oracle', { shape: 'lookup', codes: ['1001'], org: '204' });
    expect(query.sql).toBe(
      `SELECT ${select('"p"."PARTY_NAME"')} FROM ${from(4)} WHERE "ca"."ACCOUNT_NUMBER" IN (:10) AND ${inOperatingUnit(':11', ':12')} ORDER BY "ca"."ACCOUNT_NUMBER"`,
    );
    expect(query.params).toEqual([...SELECT_PARAMS, ...FROM_PARAMS, '1001', '204', 'A']);
  });

  it('page after a cursor with a name filter, ACCOUNT_NAME falling back to PARTY_NAME', () => {
    const query = compileCustomerQuery(tcaMapping({ nameColumn: 'ACCOUNT_NAME' }), 'oracle', {
      shape: 'page',
      limit: 1000,
      after: { code: 'KH2024080001' },
      filter: { name: '星辰' },
    });
    const name = firstNonBlank('"ca"."ACCOUNT_NAME"', '"p"."PARTY_NAME"');
    expect(query.sql).toBe(
      `SELECT ${select(name)} FROM ${from(4)} WHERE LOWER(${name}) LIKE LOWER(:10) ESCAPE '!' AND "ca"."ACCOUNT_NUMBER" > :11` +
        ' ORDER BY "ca"."ACCOUNT_NUMBER" FETCH FIRST 1000 ROWS ONLY',
    );
    expect(query.params).toEqual([...SELECT_PARAMS, ...FROM_PARAMS, '%星辰%', 'KH2024080001']);
  });

  it('count by phone in operating unit 205', () => {
    const query = compileCustomerQuery(mapping, 'oracle', { shape: 'count', filter: { phone: '010', org: '205' } });
    expect(query.sql).toBe(
      `SELECT COUNT(*) AS "cc_count" FROM ${from(1)} WHERE LOWER(${PHONE}) LIKE LOWER(:7) ESCAPE '!'` +
        ` AND ${inOperatingUnit(':8', ':9')}`,
    );
    expect(query.params).toEqual([...FROM_PARAMS, '%010%', '205', 'A']);
  });

  it('billToOrg (the source’s org option) takes the primary bill-to site from that operating unit only', () => {
    const query = compileCustomerQuery(tcaMapping({ billToOrg: '205' }), 'oracle', { shape: 'count' });
    expect(query.sql).toBe(`SELECT COUNT(*) AS "cc_count" FROM ${from(1, true)}`);
    expect(query.params).toEqual(['P', 'A', 205, 'HZ_PARTIES', 'PHONE', 'Y', 'A']);
  });

  it('a schema option qualifies every table, the EXISTS one included', () => {
    const query = compileCustomerQuery(tcaMapping({ schema: 'AR' }), 'oracle', { shape: 'count', filter: { org: '204' } });
    expect(query.sql).toContain('FROM "AR"."HZ_CUST_ACCOUNTS" "ca" INNER JOIN "AR"."HZ_PARTIES" "p"');
    expect(query.sql).toContain('EXISTS (SELECT 1 FROM "AR"."HZ_CUST_ACCT_SITES_ALL" "os"');
    for (const table of ['HZ_CUST_ACCT_SITES_ALL" "bs"', 'HZ_PARTY_SITES"', 'HZ_LOCATIONS"', 'HZ_CONTACT_POINTS"']) {
      expect(query.sql).toContain(`"AR"."${table}`);
    }
  });

  it('IN lists stay within Oracle\u2019s 1,000 items (ORA-01795)', () => {
    const source = createOracleEbsSource({ name: 'ebs', connection: 'oracle://apps@ebs.example:1521/EBSPROD' });
    const batch = source.describe().limits.lookupBatch;
    expect(batch).toBeGreaterThan(0);
    expect(batch).toBeLessThanOrEqual(1000);
    const codes = Array.from({ length: batch }, (_, index) => `C${index}`);
    const query = compileCustomerQuery(tcaMapping(), 'oracle', { shape: 'lookup', codes, org: '204' });
    const inList = /"ACCOUNT_NUMBER" IN \(([^)]*)\)/.exec(query.sql)![1]!.split(', ');
    expect(inList).toHaveLength(batch);
    expect(inList[0]).toBe(':10');
  });
});
