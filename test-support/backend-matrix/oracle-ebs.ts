/** Oracle EBS (TCA tables) in the backend matrix. */
import { createOracleEbsSource, seedEbsDatabase, type OracleEbsOptions } from '@custcode/adapter-oracle';
import { expect, it } from 'vitest';
import { seedEbs } from '../../packages/adapter-oracle/test/seed-tca.js';
import { EBS_EXPECTED_RECORDS } from '../expected-records/ebs-tca.js';
import { sqlAdapterConformance } from '../sql-adapter-conformance.js';
import { openGoldenOnSql, sqlBackendOf, SQL_BACKENDS, type AdditionalTests, type GoldenEntry, type MatrixEntry } from './matrix-backend.js';

type Variant = Pick<OracleEbsOptions, 'nameColumn' | 'shortNameColumn' | 'taxIdColumns'>;

const ebsTests: AdditionalTests = ({ source }) => {
  it('EBS: a deleted customer is an inactivated account, reported as blocked', async () => {
    expect((await source().get('KH2024090003'))?.status).toBe('blocked');
    expect(await source().count({ status: 'deleted' })).toBe(0);
  });
  it('EBS: raw keeps PARTY_NUMBER beside ACCOUNT_NUMBER; org is the primary bill-to ORG_ID', async () => {
    const customer = await source().get('C-200');
    expect(customer?.raw).toMatchObject({ ACCOUNT_NUMBER: 'C-200' });
    expect(customer?.raw.PARTY_NUMBER).toEqual(expect.any(String));
    expect(customer?.org).toBe('205');
  });
  it('EBS: Chinese text round-trips unchanged', async () => {
    const customer = await source().get('KH2024100001');
    expect(customer?.raw.PARTY_NAME).toBe('𠮷野家餐饮管理有限公司');
    // Stored as province, city, street and building lines and a postal code; read back from the province down.
    expect((await source().get('KH2024100003'))?.address).toBe('广东省 深圳市 前海深港合作区前湾一路1号 A栋201室 353046');
  });
  it('EBS: a Latin address from the street up; a phone without RAW_PHONE_NUMBER from its parts', async () => {
    expect((await source().get('C-204'))?.address).toBe('Königsallee 1, Düsseldorf');
    expect(await source().get('C-200')).toMatchObject({ address: "12 O'Connell Street, Dublin", phone: '+353 1-555 0100' });
    expect((await source().get('KH2024080001'))?.address).toBe('北京市 海淀区中关村大街27号');
  });
};

function ebsEntry(label: string, runsOn: MatrixEntry['runsOn'], variant: Variant): MatrixEntry {
  return {
    label,
    layout: 'ebs-tca',
    runsOn,
    conformance: (backend) =>
      sqlAdapterConformance({
        backend: sqlBackendOf(backend),
        open: (connection, settings) => createOracleEbsSource({ name: 'ebs', connection, ...variant, ...settings }),
        seed: (database) => seedEbs(database, { source: 'ebs', ...variant }),
        pageSize: 50,
        unreachable: { url: 'oracle://apps@127.0.0.1:1/EBSPROD', connectTimeoutMs: 5000 },
        missingDriver: { url: 'oracle://apps@127.0.0.1:1/EBSPROD', packageName: 'oracledb' },
        write: "UPDATE HZ_CUST_ACCOUNTS SET STATUS = 'I'",
        additionalTests: ebsTests,
      }),
  };
}

export const ORACLE_ENTRIES: MatrixEntry[] = [
  ebsEntry('oracle-ebs', SQL_BACKENDS, {}),
  ebsEntry('oracle-ebs (ACCOUNT_NAME, KNOWN_AS, TAX_REFERENCE first)', ['sqlite'], {
    nameColumn: 'ACCOUNT_NAME',
    shortNameColumn: 'KNOWN_AS',
    taxIdColumns: ['TAX_REFERENCE', 'JGZZ_FISCAL_CODE'],
  }),
];

export const ORACLE_GOLDEN: GoldenEntry[] = [
  {
    records: EBS_EXPECTED_RECORDS,
    runsOn: SQL_BACKENDS,
    open: (backend, records) =>
      openGoldenOnSql(backend, records, (database) => seedEbsDatabase(database, []), (url) => createOracleEbsSource({ name: 'ebs', connection: url })),
  },
];
