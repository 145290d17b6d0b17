import { ConfigError } from '@custcode/core';
import type { DialectName } from './dialect-name.js';

/**
 * The SQL text differences between engines. The query shapes (page, lookup, count) are built once in
 * `compile/` from these primitives; a dialect overrides only what its engine spells differently.
 */
export abstract class QueryCompiler {
  abstract readonly dialect: DialectName;
  /** Escape character of every LIKE pattern; `!` needs no escaping inside string literals anywhere. */
  readonly likeEscape = '!';
  /** Characters that are wildcards in this engine's LIKE (besides the escape character itself). */
  readonly likeWildcards: readonly string[] = ['%', '_'];
  /** Longest LIKE needle the engine accepts as a parameter; a longer needle cannot match a stored value. */
  readonly maxLikeNeedle: number = Number.POSITIVE_INFINITY;
  /** Whether ascending ORDER BY puts NULL first (SQL Server, MySQL, SQLite) or last (PostgreSQL, Oracle). */
  readonly nullsSortFirst: boolean = true;
  /** Whether a text filter may contain U+0000 (PostgreSQL refuses it, SQLite's LIKE stops at it); if not, it matches nothing. */
  readonly acceptsNulInText: boolean = true;

  /** `"name"` with embedded quotes doubled. Spelling and case are kept exactly. */
  quoteIdentifier(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
  }

  /** `dbo.Customer` → `"dbo"."Customer"`: each part quoted on its own. */
  quoteQualified(name: string): string {
    return name
      .split('.')
      .map((part) => this.quoteIdentifier(part))
      .join('.');
  }

  /**
   * A constant from a mapping (a concat separator) as a literal. Mapping constants are code, not user
   * input; backslashes and control characters are refused because engines read them differently.
   */
  stringLiteral(text: string): string {
    if (/[\\\u0000-\u001f]/.test(text)) {
      throw new ConfigError({
        message: `The mapping constant ${JSON.stringify(text)} contains a backslash or a control character.`,
        hint: 'Use plain characters in separators.',
      });
    }
    return `'${text.replace(/'/g, "''")}'`;
  }

  /** The text of the `index`-th (1-based) bound parameter. */
  placeholder(_index: number): string {
    return '?';
  }

  /** A date column as the SELECT reads it (the row mapper turns any engine's date value into ISO text). */
  selectDate(column: string): string {
    return column;
  }

  /** How a statement is cut to its first `limit` rows: text after SELECT and after ORDER BY. */
  firstRows(limit: number): { afterSelect: string; afterOrderBy: string } {
    return { afterSelect: '', afterOrderBy: ` LIMIT ${limit}` };
  }

  /** A numeric expression as text, so that LIKE can search it. */
  textOf(expression: string): string {
    return `CAST(${expression} AS VARCHAR(60))`;
  }

  /** String concatenation of expressions that are never NULL. */
  concat(parts: string[]): string {
    return parts.join(' || ');
  }

  /** The rest of `expression` from 1-based position `start`. */
  substringFrom(expression: string, start: number): string {
    return `SUBSTR(${expression}, ${start})`;
  }

  /** True when the value has a character other than trailing spaces. NULL is blank. */
  isNotBlank(expression: string): string {
    return `RTRIM(${expression}) <> ''`;
  }

  isBlank(expression: string): string {
    return `(${expression} IS NULL OR RTRIM(${expression}) = '')`;
  }

  /** Case-insensitive LIKE: the same LOWER on both sides, so engine collation does not matter. */
  likeInsensitive(expression: string, pattern: string): string {
    return `LOWER(${expression}) LIKE LOWER(${pattern}) ESCAPE '${this.likeEscape}'`;
  }

  /** A date/datetime column as compared with a date parameter. */
  dateColumn(expression: string): string {
    return expression;
  }

  /** A date parameter in SQL (placeholder text already made). */
  dateParameter(placeholder: string): string {
    return placeholder;
  }

  /** An ISO local date-time `YYYY-MM-DDTHH:mm:ss` in the form this engine compares with its date columns. */
  formatDate(isoDateTime: string): string {
    return isoDateTime.replace('T', ' ');
  }

  /** Escapes LIKE wildcards and the escape character in user text. */
  escapeLike(text: string): string {
    const special = new Set([this.likeEscape, ...this.likeWildcards]);
    let escaped = '';
    for (const character of text) escaped += special.has(character) ? this.likeEscape + character : character;
    return escaped;
  }
}
