import { QueryCompiler } from '../query-compiler.js';

/** PostgreSQL: $1 parameters, LIMIT; text parameters cannot hold U+0000. */
export class PostgresQueryCompiler extends QueryCompiler {
  readonly dialect = 'postgres' as const;
  override readonly acceptsNulInText = false;
  override readonly nullsSortFirst = false;

  override textOf(expression: string): string {
    return `CAST(${expression} AS TEXT)`;
  }

  override placeholder(index: number): string {
    return `$${index}`;
  }
}
