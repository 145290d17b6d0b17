/** Migration measurement: number 1M U8 customers (SQLite) with a target rule, the target checked through getMany. */
import { createMemorySequenceStore } from '@custcode/rules';
import { migrate } from '@custcode/migrate';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { mariadbBenchUrl, sqliteFile } from '../lib/bench-database.mjs';

/**
 * The U8 bench table (SQLite) renumbered by `CUST{YYYY}{seq:6}` (the year from each customer's creation
 * date), every new code checked against the target through `getMany` (the MariaDB bench table, U8 layout,
 * standing in for the target ERP), no near-duplicate review. The crosswalk stays in memory.
 */
export async function migrateCustcode() {
  const source = createYonyouSource({ name: 'u8', product: 'u8', connection: `sqlite:${sqliteFile}` });
  const target = createYonyouSource({ name: 'target', product: 'u8', connection: mariadbBenchUrl() });
  const result = await migrate(source, { rule: 'CUST{YYYY}{seq:6}', store: createMemorySequenceStore(), target, nearDuplicates: false });
  await source.close();
  await target.close();
  const generated = result.rows.filter((row) => row.decision === 'generated').length;
  return { rows: result.rows.length, generated };
}
