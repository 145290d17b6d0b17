import type { TestDatabase } from './backends.js';

/** SQL that fills `big_customer` with `rows` rows on the server itself (no round trip per row). */
const FILL: Record<TestDatabase['backend'], (rows: number) => string> = {
  mariadb: (rows) => `INSERT INTO big_customer SELECT CONCAT('K', LPAD(seq, 7, '0')), CONCAT('客户', seq, '号有限公司'), CONCAT('1380', LPAD(seq, 7, '0')) FROM seq_1_to_${rows}`,
  postgres: (rows) => `INSERT INTO big_customer SELECT 'K' || LPAD(n::text, 7, '0'), '客户' || n || '号有限公司', '1380' || LPAD(n::text, 7, '0') FROM generate_series(1, ${rows}) AS n`,
  sqlite: (rows) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows}) INSERT INTO big_customer SELECT 'K' || printf('%07d', i), '客户' || i || '号有限公司', '1380' || printf('%07d', i) FROM n`,
};

/** The generic-sql mapping of `big_customer`. */
export const BIG_CUSTOMER_COLUMNS = { code: 'code', name: 'name', phone: 'phone' } as const;

/**
 * A table `big_customer (code, name, phone)` of `rows` rows: code `K0000001`…, name `客户N号有限公司`, phone
 * `1380` + 7 digits — large enough that a streamed export is still running when a client hangs up.
 */
export async function createBigCustomerTable(database: TestDatabase, rows: number): Promise<void> {
  const q = database.quote;
  await database.run(`CREATE TABLE ${q('big_customer')} (${q('code')} VARCHAR(20) PRIMARY KEY, ${q('name')} VARCHAR(100), ${q('phone')} VARCHAR(20))`);
  await database.run(FILL[database.backend](rows));
}
