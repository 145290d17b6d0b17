import Database from 'better-sqlite3';
import type { SeedTarget } from '@custcode/sql';

export interface SqliteSeedTarget extends SeedTarget {
  close(): void;
}

/**
 * A SeedTarget over a SQLite file (better-sqlite3): the demo's ERP databases. Rows of one insert call go
 * in one transaction, so seeding thousands of customers takes milliseconds.
 */
export function createSqliteSeedTarget(file: string): SqliteSeedTarget {
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
  const bind = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 19) : typeof value === 'boolean' ? Number(value) : value ?? null);
  return {
    dialect: 'sqlite',
    quote,
    async run(sql, params = []) {
      // Without parameters a seeder may send several statements at once.
      if (params.length === 0) database.exec(sql);
      else database.prepare(sql).run(...params.map(bind));
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const statement = database.prepare(
        `INSERT INTO ${table.split('.').map(quote).join('.')} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      database.transaction(() => {
        for (const row of rows) statement.run(...columns.map((column) => bind(row[column])));
      })();
    },
    close() {
      database.pragma('journal_mode = DELETE');
      database.close();
    },
  };
}
