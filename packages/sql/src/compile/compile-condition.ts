import type { Condition } from '../mapping/table-mapping.js';
import type { SqlBuilder } from './sql-builder.js';

/** A mapping's constant condition as SQL. Values are bound, never inlined. */
export function compileCondition(condition: Condition, sql: SqlBuilder): string {
  const compiler = sql.compiler;
  if ('all' in condition) return group(condition.all, ' AND ', '1 = 1', sql);
  if ('any' in condition) return group(condition.any, ' OR ', '1 = 0', sql);
  if ('not' in condition) return `NOT (${compileCondition(condition.not, sql)})`;
  const column = sql.column(condition.column);
  if ('equals' in condition) return `${column} = ${sql.bind(condition.equals)}`;
  if ('notEquals' in condition) return `(${column} IS NULL OR ${column} <> ${sql.bind(condition.notEquals)})`;
  if ('in' in condition) {
    if (condition.in.length === 0) return '1 = 0';
    return `${column} IN (${condition.in.map((value) => sql.bind(value)).join(', ')})`;
  }
  if ('isNull' in condition) return `${column} IS NULL`;
  if ('isNotNull' in condition) return `${column} IS NOT NULL`;
  if ('isBlank' in condition) return compiler.isBlank(column);
  if ('isNotBlank' in condition) return compiler.isNotBlank(column);
  return `${column} = ${sql.column(condition.equalsColumn)}`;
}

function group(conditions: Condition[], joiner: string, empty: string, sql: SqlBuilder): string {
  if (conditions.length === 0) return empty;
  if (conditions.length === 1) return compileCondition(conditions[0]!, sql);
  return `(${conditions.map((condition) => compileCondition(condition, sql)).join(joiner)})`;
}
