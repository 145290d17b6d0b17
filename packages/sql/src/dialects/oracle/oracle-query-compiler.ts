import { QueryCompiler } from '../query-compiler.js';

/** Oracle 12c+: :1 parameters, FETCH FIRST paging, '' is NULL, dates through TO_DATE. */
export class OracleQueryCompiler extends QueryCompiler {
  readonly dialect = 'oracle' as const;
  /** VARCHAR2 parameters in SQL are limited to 4,000 bytes: 1,000 characters of up to 4 bytes. */
  override readonly maxLikeNeedle = 998;
  override readonly nullsSortFirst = false;

  override textOf(expression: string): string {
    return `TO_CHAR(${expression})`;
  }

  override placeholder(index: number): string {
    return `:${index}`;
  }

  override firstRows(limit: number): { afterSelect: string; afterOrderBy: string } {
    return { afterSelect: '', afterOrderBy: ` FETCH FIRST ${limit} ROWS ONLY` };
  }

  /** Oracle stores '' as NULL, so "blank" is simply "NULL after trimming". */
  override isNotBlank(expression: string): string {
    return `RTRIM(${expression}) IS NOT NULL`;
  }

  override isBlank(expression: string): string {
    return `RTRIM(${expression}) IS NULL`;
  }

  /** A string compared with a DATE would follow the session's NLS_DATE_FORMAT; TO_DATE does not. */
  override dateParameter(placeholder: string): string {
    return `TO_DATE(${placeholder}, 'YYYY-MM-DD HH24:MI:SS')`;
  }
}
