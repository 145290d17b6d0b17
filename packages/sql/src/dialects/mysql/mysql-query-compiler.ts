import { QueryCompiler } from '../query-compiler.js';

/** MySQL / MariaDB: `backticks`, ? parameters, LIMIT, CONCAT() (|| means OR by default). */
export class MysqlQueryCompiler extends QueryCompiler {
  readonly dialect = 'mysql' as const;

  override quoteIdentifier(name: string): string {
    return `\`${name.replace(/`/g, '``')}\``;
  }

  override textOf(expression: string): string {
    return `CAST(${expression} AS CHAR)`;
  }

  /**
   * As text, the same text mysql2's `dateStrings` gives ('2024-01-02 08:00:00', DATE '2024-01-02'), and a
   * text column is left as it is: decoding dates from the binary protocol was a tenth of a 1M-row export.
   */
  override selectDate(column: string): string {
    return `CAST(${column} AS CHAR)`;
  }

  override concat(parts: string[]): string {
    return parts.length === 1 ? parts[0]! : `CONCAT(${parts.join(', ')})`;
  }
}
