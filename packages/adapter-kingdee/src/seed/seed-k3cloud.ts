import type { Customer } from '@custcode/core';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { createSeedTable, type SeedTarget } from '@custcode/sql/testing';
import { buildK3CloudSeedData, type K3CloudSeedOptions } from './k3cloud-tables.js';

/**
 * Writes `customers` into K/3 Cloud's own layout (T_BD_CUSTOMER, T_BD_CUSTOMER_L in 2052 and 1033,
 * customer groups, 地区 assistant data) and returns the records a correct source reads back.
 * Used by the tests and by `custcode demo`.
 */
export async function seedK3CloudDatabase(target: SeedTarget, customers: SeedCustomer[], options: K3CloudSeedOptions = {}): Promise<Customer[]> {
  const { tables, expected } = buildK3CloudSeedData(customers, options);
  await createSeedTable(
    target,
    'T_BD_CUSTOMER',
    [
      { name: 'FCUSTID', type: 'int', notNull: true },
      { name: 'FNUMBER', type: 'text', length: 80 },
      { name: 'FMASTERID', type: 'int' },
      { name: 'FCREATEORGID', type: 'int', notNull: true },
      { name: 'FUSEORGID', type: 'int', notNull: true },
      { name: 'FDOCUMENTSTATUS', type: 'text', length: 1 },
      { name: 'FFORBIDSTATUS', type: 'text', length: 1 },
      { name: 'FTAXREGISTERCODE', type: 'text', length: 100 },
      { name: 'FTEL', type: 'text', length: 100 },
      { name: 'FADDRESS', type: 'text', length: 510 },
      { name: 'FPRIMARYGROUP', type: 'int' },
      { name: 'FPROVINCIAL', type: 'text', length: 36 },
      { name: 'FCREATEDATE', type: 'datetime' },
      { name: 'FMODIFYDATE', type: 'datetime' },
    ],
    { primaryKey: ['FCUSTID'], indexes: [['FNUMBER', 'FUSEORGID']] },
  );
  await createSeedTable(
    target,
    'T_BD_CUSTOMER_L',
    [
      { name: 'FPKID', type: 'int', notNull: true },
      { name: 'FCUSTID', type: 'int', notNull: true },
      { name: 'FLOCALEID', type: 'int', notNull: true },
      { name: 'FNAME', type: 'text', length: 255 },
      { name: 'FSHORTNAME', type: 'text', length: 255 },
    ],
    { primaryKey: ['FPKID'], indexes: [['FCUSTID', 'FLOCALEID']] },
  );
  await createSeedTable(
    target,
    'T_BD_CUSTOMERGROUP',
    [
      { name: 'FID', type: 'int', notNull: true },
      { name: 'FNUMBER', type: 'text', length: 80 },
      { name: 'FPARENTID', type: 'int' },
    ],
    { primaryKey: ['FID'] },
  );
  await createSeedTable(
    target,
    'T_BD_CUSTOMERGROUP_L',
    [
      { name: 'FPKID', type: 'int', notNull: true },
      { name: 'FID', type: 'int', notNull: true },
      { name: 'FLOCALEID', type: 'int', notNull: true },
      { name: 'FNAME', type: 'text', length: 255 },
    ],
    { primaryKey: ['FPKID'] },
  );
  await createSeedTable(
    target,
    'T_BAS_ASSISTANTDATAENTRY',
    [
      { name: 'FENTRYID', type: 'text', length: 36, notNull: true },
      { name: 'FID', type: 'text', length: 36 },
      { name: 'FNUMBER', type: 'text', length: 80 },
      { name: 'FDOCUMENTSTATUS', type: 'text', length: 1 },
      { name: 'FFORBIDSTATUS', type: 'text', length: 1 },
    ],
    { primaryKey: ['FENTRYID'] },
  );
  await createSeedTable(
    target,
    'T_BAS_ASSISTANTDATAENTRY_L',
    [
      { name: 'FPKID', type: 'text', length: 40, notNull: true },
      { name: 'FENTRYID', type: 'text', length: 36, notNull: true },
      { name: 'FLOCALEID', type: 'int', notNull: true },
      { name: 'FDATAVALUE', type: 'text', length: 255 },
    ],
    { primaryKey: ['FPKID'] },
  );
  for (const [table, rows] of Object.entries(tables)) {
    await target.insert(table, rows);
  }
  return expected;
}
