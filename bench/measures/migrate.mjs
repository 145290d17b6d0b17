/** Migration measurements: number 1M U8 customers (SQLite) with a target rule, the target checked through getMany. */
import { createMemorySequenceStore } from '@custcode/rules';
import { migrate, migrateOnDisk } from '@custcode/migrate';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { mariadbBenchUrl, sqliteFile } from '../lib/bench-database.mjs';

const RULE = 'CUST{YYYY}{seq:6}';

/** Counts the rows and the generated codes, reading every row once as the CLI's files do. */
function count(rows) {
  let all = 0;
  let generated = 0;
  for (const row of rows) {
    all += 1;
    if (row.decision === 'generated') generated += 1;
  }
  return { rows: all, generated };
}

/**
 * The U8 bench table (SQLite) renumbered by `CUST{YYYY}{seq:6}` (the year from each customer's creation
 * date), every new code checked against the target through `getMany` (the MariaDB bench table, U8 layout,
 * standing in for the target ERP), no near-duplicate review; `file`: the 5M file of row 8b. `onDisk`: the rows spill to a scratch SQLite
 * database (`migrateOnDisk`, what the CLI runs) and are read back once; otherwise they stay in memory.
 */
export async function migrateCustcode(onDisk, file = sqliteFile) {
  const source = createYonyouSource({ name: 'u8', product: 'u8', connection: `sqlite:${file}` });
  const target = createYonyouSource({ name: 'target', product: 'u8', connection: mariadbBenchUrl() });
  const options = { rule: RULE, store: createMemorySequenceStore(), target, nearDuplicates: false };
  const result = onDisk ? await migrateOnDisk(source, options) : await migrate(source, options);
  await source.close();
  await target.close();
  const counted = count(result.rows);
  result.close?.();
  return counted;
}
