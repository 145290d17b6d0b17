import { QueryCompiler } from '../query-compiler.js';

/** SQLite: ? parameters, LIMIT; datetimes are text, compared after datetime() normalises them. */
export class SqliteQueryCompiler extends QueryCompiler {
  readonly dialect = 'sqlite' as const;
  /** LIKE reads its pattern as a C string: a U+0000 would end it early and match everything. */
  override readonly acceptsNulInText = false;

  override textOf(expression: string): string {
    return `CAST(${expression} AS TEXT)`;
  }

  /**
   * Datetimes are stored as text in either `YYYY-MM-DD HH:MM:SS` or ISO `T` form; datetime() gives
   * both the first form (whole seconds, like the Customer record) so that text comparison is right.
   */
  override dateColumn(expression: string): string {
    return `datetime(${expression})`;
  }
}
