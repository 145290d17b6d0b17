import { canonicalCustomers } from '@custcode/core/testing';
import { seedSapTables, type SeededSapTables, type SeedSapTablesOptions } from '@custcode/adapter-sap/emulator';

/** The canonical data set written into KNA1/KNB1/KNVV (+ text tables) for the emulator; the seeder lives in src/emulator. */
export function seedKna1(options: SeedSapTablesOptions = {}): SeededSapTables {
  return seedSapTables(canonicalCustomers(), options);
}
