import type { Customer } from '@custcode/core';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { createSeedTable, type SeedTarget } from '@custcode/sql/testing';
import { buildK3WiseSeedData, type K3WiseSeedOptions } from './k3wise-tables.js';

/**
 * Writes `customers` into K/3 WISE's own layout (t_Item, t_Organization, t_BaseProperty, t_SubMessage)
 * and returns the records a correct source reads back. Used by the tests and by `custcode demo`.
 */
export async function seedK3WiseDatabase(target: SeedTarget, customers: SeedCustomer[], options: K3WiseSeedOptions = {}): Promise<Customer[]> {
  const { tables, expected } = buildK3WiseSeedData(customers, options);
  await createSeedTable(
    target,
    't_Item',
    [
      { name: 'FItemID', type: 'int', notNull: true },
      { name: 'FItemClassID', type: 'int', notNull: true },
      { name: 'FNumber', type: 'text', length: 80, notNull: true },
      { name: 'FName', type: 'text', length: 255 },
      { name: 'FFullNumber', type: 'text', length: 80 },
      { name: 'FShortNumber', type: 'text', length: 80 },
      { name: 'FParentID', type: 'int' },
      { name: 'FLevel', type: 'int' },
      { name: 'FDetail', type: 'bit' },
      { name: 'FDeleted', type: 'int' },
    ],
    { primaryKey: ['FItemID'], indexes: [['FItemClassID', 'FNumber']] },
  );
  await createSeedTable(
    target,
    't_Organization',
    [
      { name: 'FItemID', type: 'int', notNull: true },
      { name: 'FNumber', type: 'text', length: 80 },
      { name: 'FName', type: 'text', length: 255 },
      { name: 'FShortName', type: 'text', length: 255 },
      { name: 'FTaxNum', type: 'text', length: 50 },
      { name: 'FAddress', type: 'text', length: 255 },
      { name: 'FStatus', type: 'int' },
      { name: 'FRegionID', type: 'int' },
      { name: 'FContact', type: 'text', length: 50 },
      { name: 'FPhone', type: 'text', length: 40 },
      { name: 'FHelpCode', type: 'text', length: 80 },
      { name: 'FDeleted', type: 'int' },
    ],
    { primaryKey: ['FItemID'] },
  );
  await createSeedTable(
    target,
    't_BaseProperty',
    [
      { name: 'FTypeID', type: 'int', notNull: true },
      { name: 'FItemID', type: 'int', notNull: true },
      { name: 'FCreateDate', type: 'datetime' },
      { name: 'FCreateUser', type: 'text', length: 50 },
      { name: 'FLastModDate', type: 'datetime' },
      { name: 'FLastModUser', type: 'text', length: 50 },
    ],
    { primaryKey: ['FTypeID', 'FItemID'] },
  );
  await createSeedTable(
    target,
    't_SubMessage',
    [
      { name: 'FInterID', type: 'int', notNull: true },
      { name: 'FID', type: 'text', length: 80 },
      { name: 'FName', type: 'text', length: 80 },
      { name: 'FParentID', type: 'int' },
      { name: 'FTypeID', type: 'int' },
      { name: 'FDeleted', type: 'int' },
    ],
    { primaryKey: ['FInterID'] },
  );
  for (const [table, rows] of Object.entries(tables)) await target.insert(table, rows);
  return expected;
}
