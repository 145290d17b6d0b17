import type { SeedTarget } from '@custcode/sql';
import type { TestDatabase } from '../../../test-support/backends.js';

const ROWS_PER_STATEMENT = 2_000;

/**
 * A SeedTarget over a test database that loads large tables quickly: on MariaDB one multi-row
 * `INSERT … VALUES ?` per 2,000 rows (mysql2 expands the nested arrays client-side); elsewhere the
 * database's own batched insert.
 */
export function fastSeedTarget(database: TestDatabase): SeedTarget {
  if (database.backend !== 'mariadb') return database;
  return {
    dialect: database.dialect,
    quote: database.quote,
    run: database.run,
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const head = `INSERT INTO ${database.quote(table)} (${columns.map(database.quote).join(', ')}) VALUES ?`;
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const values = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => columns.map((column) => row[column] ?? null));
        await database.run(head, [values]);
      }
    },
  };
}
