import { ConfigError } from '@custcode/core';
import { redactUrl } from '@custcode/core/adapter';
import { parseConnectionUrl, type ConnectionUrl } from '../dialects/connection-url.js';
import type { DialectName } from '../dialects/dialect-name.js';
import { allDialects, dialectFor } from '../dialects/dialects.js';
import type { SeedConnection, SeedEngine } from './seed-connection.js';
import type { SeedTarget } from './seed-target.js';

/** A SeedTarget with its connection: reads for checks, and `close`. */
export interface OpenSeedTarget extends SeedTarget {
  all(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

function seedEngine(name: DialectName, shown: string): SeedEngine {
  const engine = dialectFor(name).seed;
  if (engine !== undefined) return engine;
  const seeded = allDialects().filter((dialect) => dialect.seed !== undefined).map((dialect) => dialect.label);
  throw new ConfigError({ message: `custcode does not seed ${shown}.`, hint: `Seed a ${seeded.join(', ')} database.` });
}

function targetOf(name: DialectName, connection: SeedConnection): OpenSeedTarget {
  const { compiler } = dialectFor(name);
  const quote = (identifier: string) => compiler.quoteIdentifier(identifier);
  return {
    dialect: name,
    quote,
    run: (sql, params = []) => connection.run(sql, params),
    all: (sql, params = []) => connection.all(sql, params),
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const values = rows.map((row) => columns.map((column) => row[column] ?? null));
      await connection.insertRows(compiler.quoteQualified(table), columns.map(quote), values);
    },
    close: () => connection.close(),
  };
}

/**
 * A SeedTarget on its own writing connection to `url` (any dialect with a `seed` engine): the demo's files,
 * test databases, the bench. `close()` closes the connection.
 */
export async function openSeedTarget(url: string | ConnectionUrl, options: { password?: string } = {}): Promise<OpenSeedTarget> {
  const parsed = typeof url === 'string' ? parseConnectionUrl(url) : url;
  const engine = seedEngine(parsed.dialect, typeof url === 'string' ? redactUrl(url) : `a ${dialectFor(parsed.dialect).label} database`);
  return targetOf(parsed.dialect, await engine.connect(parsed, options.password ?? parsed.password));
}

/** A SeedTarget over a connection the caller opened and owns (`close()` leaves it open). */
export function seedTargetOver(dialect: DialectName, client: unknown): OpenSeedTarget {
  return targetOf(dialect, seedEngine(dialect, `a ${dialectFor(dialect).label} database`).over(client));
}
