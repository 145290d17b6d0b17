import { createSeedIndexes, createSeedTable, type SeedColumn, type SeedTarget } from '@custcode/sql/testing';

/**
 * The U8 `Customer` layout as scaffolded from a real account database (erp-schemas.md §4.1): the
 * columns custcode reads plus a few real neighbours, NOT NULL where U8 has it.
 */
const customerColumns: SeedColumn[] = [
  { name: 'cCusCode', type: 'text', length: 20, notNull: true },
  { name: 'cCusName', type: 'text', length: 98 },
  { name: 'cCusAbbName', type: 'text', length: 60, notNull: true },
  { name: 'cCCCode', type: 'text', length: 12 },
  { name: 'cDCCode', type: 'text', length: 12 },
  { name: 'cTrade', type: 'text', length: 50 },
  { name: 'cCusAddress', type: 'text', length: 255 },
  { name: 'cCusPostCode', type: 'text', length: 20 },
  { name: 'cCusRegCode', type: 'text', length: 50 },
  { name: 'cCusBank', type: 'text', length: 100 },
  { name: 'cCusAccount', type: 'text', length: 50 },
  { name: 'cCusPerson', type: 'text', length: 50 },
  { name: 'cCusPhone', type: 'text', length: 100 },
  { name: 'cCusFax', type: 'text', length: 100 },
  { name: 'cCusHand', type: 'text', length: 100 },
  { name: 'cCusEmail', type: 'text', length: 100 },
  { name: 'cCusMnemCode', type: 'text', length: 98 },
  { name: 'cCusEnName', type: 'text', length: 100 },
  { name: 'iCusCreLine', type: 'decimal' },
  { name: 'dCusDevDate', type: 'datetime' },
  { name: 'dEndDate', type: 'datetime' },
  { name: 'dCusCreateDatetime', type: 'datetime' },
  { name: 'dModifyDate', type: 'datetime' },
  { name: 'cCreatePerson', type: 'text', length: 20 },
  { name: 'cModifyPerson', type: 'text', length: 20 },
  { name: 'cMemo', type: 'text', length: 1000 },
  { name: 'bCusState', type: 'bit', notNull: true },
  { name: 'bCusDomestic', type: 'bit', notNull: true },
  { name: 'bCusOverseas', type: 'bit', notNull: true },
];

const classColumns = (prefix: 'CC' | 'DC'): SeedColumn[] => [
  { name: `c${prefix}Code`, type: 'text', length: 12, notNull: true },
  { name: `c${prefix}Name`, type: 'text', length: 50, notNull: true },
  { name: `i${prefix}Grade`, type: 'int', notNull: true },
  { name: `b${prefix}End`, type: 'bit', notNull: true },
];

const customerIndexes = [['cCusName'], ['cCCCode'], ['cDCCode'], ['dModifyDate'], ['cCusMnemCode', 'cCusCode']];

/** The U8 tables; `indexes: false` leaves out the `Customer` indexes, for a bulk load that makes them after its rows (createU8Indexes). */
export async function createU8Tables(target: SeedTarget, options: { indexes?: boolean } = {}): Promise<void> {
  await createSeedTable(target, 'CustomerClass', classColumns('CC'), { primaryKey: ['cCCCode'] });
  await createSeedTable(target, 'DistrictClass', classColumns('DC'), { primaryKey: ['cDCCode'] });
  await createSeedTable(target, 'Customer', customerColumns, { primaryKey: ['cCusCode'] });
  if (options.indexes !== false) await createU8Indexes(target);
}

export async function createU8Indexes(target: SeedTarget): Promise<void> {
  await createSeedIndexes(target, 'Customer', customerIndexes);
  // 客户简称 is unique in U8 (index `cCusAbbName`); createSeedTable only makes plain indexes.
  await target.run(`CREATE UNIQUE INDEX ${target.quote('cCusAbbName')} ON ${target.quote('Customer')} (${target.quote('cCusAbbName')})`);
}
