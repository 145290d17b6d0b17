import type { QueryCompiler } from '../dialects/query-compiler.js';

/** A compiled statement: SQL text and its bound parameters, in placeholder order. */
export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

/**
 * Binds values while SQL text is assembled from left to right, so that positional placeholders (`?`)
 * and numbered ones (`$1`, `:1`, `@p1`) both line up with `params`.
 */
export class SqlBuilder {
  readonly params: unknown[] = [];

  constructor(
    readonly compiler: QueryCompiler,
    /** Column references the catalog declares numeric (known after a schema check; empty otherwise). */
    private readonly numericColumns: ReadonlySet<string> = new Set(),
    /** Column references the catalog declares nullable (known after a schema check; empty otherwise). */
    private readonly nullableColumns: ReadonlySet<string> = new Set(),
    /** Column references the mapping declares whole numbers (`TableMapping.numericColumns`). */
    private readonly integerColumns: ReadonlySet<string> = new Set(),
  ) {}

  isNullable(reference: string): boolean {
    return this.nullableColumns.has(reference);
  }

  isNumeric(reference: string): boolean {
    return this.numericColumns.has(reference) || this.integerColumns.has(reference);
  }

  /**
   * Whether a user value can be compared with the column at all. A numeric column only equals values
   * written the way the record shows its number (`12`, not `012` or `C001`); anything else would be
   * a conversion error (PostgreSQL, SQL Server, Oracle) or a false match (MySQL: 'C001' = 0). A
   * whole-number column takes no fraction either (`204.0` fails on an integer column, matches on SQLite).
   */
  comparable(reference: string, value: string): boolean {
    if (this.integerColumns.has(reference)) return /^-?(0|[1-9]\d*)$/.test(value);
    return !this.numericColumns.has(reference) || /^-?(0|[1-9]\d*)(\.\d+)?$/.test(value);
  }

  /** The column as text, for LIKE (a numeric column is cast first). */
  textColumn(reference: string): string {
    const column = this.column(reference);
    return this.isNumeric(reference) ? this.compiler.textOf(column) : column;
  }

  bind(value: unknown): string {
    this.params.push(value);
    return this.compiler.placeholder(this.params.length);
  }

  /** `alias.COLUMN` → `"alias"."COLUMN"`; a name without a dot is quoted as one identifier. */
  column(reference: string): string {
    return this.compiler.quoteQualified(reference);
  }

  table(name: string): string {
    return this.compiler.quoteQualified(name);
  }
}
