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

  override concat(parts: string[]): string {
    return parts.length === 1 ? parts[0]! : `CONCAT(${parts.join(', ')})`;
  }
}
