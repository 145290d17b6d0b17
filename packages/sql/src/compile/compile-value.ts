import type { FieldSpec, ValueSpec } from '../mapping/table-mapping.js';
import { compileCondition } from './compile-condition.js';
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
 * (trailing spaces aside): `coalesce` = first non-blank value, `concat` = non-blank parts joined,
 * `when` = one of two values.
 */
export function compileValue(spec: ValueSpec, sql: SqlBuilder): string {
  const compiler = sql.compiler;
  if (typeof spec === 'string') return sql.column(spec);
  if ('coalesce' in spec) {
    const branches = spec.coalesce.map((part) => {
      const value = compileValue(part, sql);
      return `WHEN ${compiler.isNotBlank(value)} THEN ${value}`;
    });
    return `CASE ${branches.join(' ')} END`;
  }
  if ('when' in spec) return `CASE WHEN ${compileCondition(spec.when, sql)} THEN ${compileValue(spec.then, sql)} ELSE ${compileValue(spec.else, sql)} END`;
  // Every non-blank part is prefixed with the separator; the leading separator is then cut off.
  const separator = compiler.stringLiteral(spec.separator);
  const pieces = spec.concat.map((part) => {
    const prefixed = typeof part === 'object' && 'column' in part;
    const value = prefixed ? sql.column(part.column) : compileValue(part, sql);
    const text = compiler.concat([separator, ...(prefixed && part.prefix ? [compiler.stringLiteral(part.prefix)] : []), `RTRIM(${value})`]);
    // `unless` comes first, so that an unknown (NULL) comparison keeps the part rather than dropping it.
    const skip = prefixed && part.unless ? `WHEN ${compileCondition(part.unless, sql)} THEN '' ` : '';
    return `CASE ${skip}WHEN ${compiler.isNotBlank(value)} THEN ${text} ELSE '' END`;
  });
  return compiler.substringFrom(compiler.concat(pieces), [...spec.separator].length + 1);
}
