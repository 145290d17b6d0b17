/**
 * ABAP WHERE conditions as token lists, so that OPTIONS can be split into ≤ 72-character lines on token
 * boundaries (a token never spans two lines). Values only ever enter as quoted literals.
 */
export type AbapCondition = string[];

/** RFC_DB_OPT-TEXT is CHAR72; SAP's own adapter guide keeps lines to 71, so do we. */
export const OPTION_LINE_WIDTH = 71;

/** An ABAP character literal: quotes inside the value are doubled. */
export function abapLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function compare(field: string, operator: '=' | '<>' | '<' | '>' | '<=' | '>=', value: string): AbapCondition {
  return [field, operator, abapLiteral(value)];
}

export function like(field: string, pattern: string): AbapCondition {
  return [field, 'LIKE', abapLiteral(pattern)];
}

/** `FIELD IN ( 'a', 'b' )`; every literal is its own token so long lists wrap cleanly. */
export function inList(field: string, values: string[]): AbapCondition {
  return [field, 'IN', '(', ...values.map((value, index) => `${abapLiteral(value)}${index < values.length - 1 ? ',' : ''}`), ')'];
}

function combine(operator: 'AND' | 'OR', conditions: Array<AbapCondition | undefined>): AbapCondition | undefined {
  const present = conditions.filter((condition): condition is AbapCondition => condition !== undefined && condition.length > 0);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.flatMap((condition, index) => [...(index > 0 ? [operator] : []), '(', ...condition, ')']);
}

export const allOf = (...conditions: Array<AbapCondition | undefined>) => combine('AND', conditions);
export const anyOf = (...conditions: Array<AbapCondition | undefined>) => combine('OR', conditions);

/** Packs tokens into OPTIONS lines of at most `width` (71) characters; continuation lines start with a blank. */
export function toOptionLines(condition: AbapCondition | undefined, width = OPTION_LINE_WIDTH): Array<{ TEXT: string }> {
  if (!condition || condition.length === 0) return [];
  const lines: string[] = [];
  let line = '';
  for (const token of condition) {
    if (token.length + 1 > width) throw new RangeError(`The condition token ${token.slice(0, 20)}… is longer than an OPTIONS line (${width}).`);
    const candidate = line === '' ? (lines.length === 0 ? token : ` ${token}`) : `${line} ${token}`;
    if (candidate.length > width) {
      lines.push(line);
      line = ` ${token}`;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => ({ TEXT: text }));
}
