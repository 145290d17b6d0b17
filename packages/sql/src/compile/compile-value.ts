import type { FieldSpec, ValueSpec } from '../mapping/table-mapping.js';
import type { SqlBuilder } from './sql-builder.js';

export function fieldValue(spec: FieldSpec): ValueSpec {
  return typeof spec === 'object' && 'value' in spec ? spec.value : spec;
}

export function fieldMatchAlso(spec: FieldSpec): string[] {
  return typeof spec === 'object' && 'value' in spec ? (spec.matchAlso ?? []) : [];
}

/** Whether the value is a single column (then filters compare the column itself and can use its index). */
export function isColumnValue(spec: ValueSpec): spec is string {
  return typeof spec === 'string';
}

/**
 * A mapped value as one SQL expression, giving the same text the Customer record shows
 * (trailing spaces aside): `coalesce` = first non-blank column, `concat` = non-blank parts joined.
 */
export function compileValue(spec: ValueSpec, sql: SqlBuilder): string {
  const compiler = sql.compiler;
  if (typeof spec === 'string') return sql.column(spec);
  if ('coalesce' in spec) {
    const branches = spec.coalesce.map((reference) => {
      const column = sql.column(reference);
      return `WHEN ${compiler.isNotBlank(column)} THEN ${column}`;
    });
    return `CASE ${branches.join(' ')} END`;
  }
  // Every non-blank part is prefixed with the separator; the leading separator is then cut off.
  const separator = compiler.stringLiteral(spec.separator);
  const pieces = spec.concat.map((reference) => {
    const column = sql.column(reference);
    return `CASE WHEN ${compiler.isNotBlank(column)} THEN ${compiler.concat([separator, `RTRIM(${column})`])} ELSE '' END`;
  });
  return compiler.substringFrom(compiler.concat(pieces), [...spec.separator].length + 1);
}
