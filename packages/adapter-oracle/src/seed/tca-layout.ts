import { createSeedTable, type SeedColumn, type SeedTarget } from '@custcode/sql/testing';

const text = (name: string, length: number, notNull = false): SeedColumn => ({ name, type: 'text', length, notNull });
const id = (name: string, notNull = true): SeedColumn => ({ name, type: 'int', notNull });

/** EBS "WHO" columns: NOT NULL on every TCA table. */
const who: SeedColumn[] = [
  id('CREATED_BY'),
  { name: 'CREATION_DATE', type: 'datetime', notNull: true },
  id('LAST_UPDATED_BY'),
  { name: 'LAST_UPDATE_DATE', type: 'datetime', notNull: true },
];

/** The TCA tables custcode reads (erp-schemas.md §3.1), keyed and NOT NULL as in EBS 12. */
export async function createTcaTables(target: SeedTarget): Promise<void> {
  await createSeedTable(
    target,
    'HZ_PARTIES',
    [
      id('PARTY_ID'),
      text('PARTY_NUMBER', 30, true),
      text('PARTY_NAME', 360, true),
      text('PARTY_TYPE', 30, true),
      text('STATUS', 1, true),
      text('JGZZ_FISCAL_CODE', 20),
      text('TAX_REFERENCE', 50),
      text('KNOWN_AS', 240),
      text('ORIG_SYSTEM_REFERENCE', 240, true),
      ...who,
    ],
    { primaryKey: ['PARTY_ID'], indexes: [['PARTY_NUMBER'], ['PARTY_NAME']] },
  );
  await createSeedTable(
    target,
    'HZ_CUST_ACCOUNTS',
    [
      id('CUST_ACCOUNT_ID'),
      id('PARTY_ID'),
      text('ACCOUNT_NUMBER', 30, true),
      text('ACCOUNT_NAME', 240),
      text('STATUS', 1, true),
      text('CUSTOMER_TYPE', 30),
      text('CUSTOMER_CLASS_CODE', 30),
      text('ORIG_SYSTEM_REFERENCE', 240, true),
      ...who,
    ],
    { primaryKey: ['CUST_ACCOUNT_ID'], indexes: [['PARTY_ID']] },
  );
  // HZ_CUST_ACCOUNTS_U2: account numbers are unique.
  await target.run(
    `CREATE UNIQUE INDEX ${target.quote('HZ_CUST_ACCOUNTS_U2')} ON ${target.quote('HZ_CUST_ACCOUNTS')} (${target.quote('ACCOUNT_NUMBER')})`,
  );
  await createSeedTable(
    target,
    'HZ_CUST_ACCT_SITES_ALL',
    [
      id('CUST_ACCT_SITE_ID'),
      id('CUST_ACCOUNT_ID'),
      id('PARTY_SITE_ID'),
      id('ORG_ID', false),
      text('STATUS', 1, true),
      text('BILL_TO_FLAG', 1),
      text('SHIP_TO_FLAG', 1),
      ...who,
    ],
    { primaryKey: ['CUST_ACCT_SITE_ID'], indexes: [['CUST_ACCOUNT_ID', 'ORG_ID']] },
  );
  await createSeedTable(
    target,
    'HZ_PARTY_SITES',
    [id('PARTY_SITE_ID'), id('PARTY_ID'), id('LOCATION_ID'), text('PARTY_SITE_NUMBER', 30, true), text('STATUS', 1), ...who],
    { primaryKey: ['PARTY_SITE_ID'] },
  );
  await createSeedTable(
    target,
    'HZ_LOCATIONS',
    [
      id('LOCATION_ID'),
      text('COUNTRY', 60, true),
      text('ADDRESS1', 240, true),
      text('ADDRESS2', 240),
      text('ADDRESS3', 240),
      text('ADDRESS4', 240),
      text('CITY', 60),
      text('POSTAL_CODE', 60),
      text('STATE', 60),
      text('PROVINCE', 60),
      ...who,
    ],
    { primaryKey: ['LOCATION_ID'] },
  );
  await createSeedTable(
    target,
    'HZ_CONTACT_POINTS',
    [
      id('CONTACT_POINT_ID'),
      text('CONTACT_POINT_TYPE', 30, true),
      text('STATUS', 30, true),
      text('OWNER_TABLE_NAME', 30, true),
      id('OWNER_TABLE_ID'),
      text('PRIMARY_FLAG', 1),
      text('PHONE_COUNTRY_CODE', 10),
      text('PHONE_AREA_CODE', 10),
      text('PHONE_NUMBER', 40),
      text('PHONE_EXTENSION', 20),
      text('PHONE_LINE_TYPE', 30),
      text('RAW_PHONE_NUMBER', 60),
      text('EMAIL_ADDRESS', 2000),
      ...who,
    ],
    { primaryKey: ['CONTACT_POINT_ID'], indexes: [['OWNER_TABLE_NAME', 'OWNER_TABLE_ID']] },
  );
}
