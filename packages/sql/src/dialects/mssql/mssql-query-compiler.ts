import { QueryCompiler } from '../query-compiler.js';

/** T-SQL: [brackets], @p1 parameters, OFFSET … FETCH paging, `[` is a LIKE wildcard too. */
export class MssqlQueryCompiler extends QueryCompiler {
  readonly dialect = 'mssql' as const;
  override readonly likeWildcards = ['%', '_', '['];
  /** LIKE patterns are limited to 8,000 bytes: 4,000 UTF-16 characters. */
  override readonly maxLikeNeedle = 3998;

  override quoteIdentifier(name: string): string {
    return `[${name.replace(/]/g, ']]')}]`;
  }

  /** N'…' keeps non-ASCII separators intact whatever the database's code page. */
  override stringLiteral(text: string): string {
    return `N${super.stringLiteral(text)}`;
  }

  override textOf(expression: string): string {
    return `CAST(${expression} AS NVARCHAR(60))`;
  }

  override placeholder(index: number): string {
    return `@p${index}`;
  }

  /**
   * The row count is an integer literal checked by our own code (never user text): node-sql-parser
   * and older tools reject a parameter inside OFFSET/FETCH, and a literal lets the plan use it.
   */
  override firstRows(limit: number): { afterSelect: string; afterOrderBy: string } {
    return { afterSelect: '', afterOrderBy: ` OFFSET 0 ROWS FETCH NEXT ${limit} ROWS ONLY` };
  }

  /** CONCAT (SQL Server 2012+) treats NULL as ''; `+` would make the whole value NULL. */
  override concat(parts: string[]): string {
    return parts.length === 1 ? parts[0]! : `CONCAT(${parts.join(', ')})`;
  }

  override substringFrom(expression: string, start: number): string {
    return `SUBSTRING(${expression}, ${start}, 2147483647)`;
  }

  /** ISO 8601 with `T` is read the same under every SET LANGUAGE / DATEFORMAT. */
  override formatDate(isoDateTime: string): string {
    return isoDateTime;
  }
}
