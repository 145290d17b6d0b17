import { compareCharacters, type Condition } from './abap-where.js';
import type { SapRow } from './ddic.js';

/**
 * Rows of a table sorted by one key field, so that conditions bounding that field (the KUNNR ranges and
 * IN lists clients page with) scan only the candidate rows, like the database's primary-key index.
 * Only narrows the candidates: every candidate is still checked against the full condition.
 */
export class KeyIndex {
  private readonly sorted: SapRow[];
  private readonly positions: Map<SapRow, number>;

  constructor(rows: SapRow[], private readonly field: string, private readonly value: (row: SapRow) => string) {
    this.sorted = [...rows].sort((a, b) => compareCharacters(value(a), value(b)));
    this.positions = new Map(rows.map((row, index) => [row, index]));
  }

  /** Candidates back in the order the rows were stored. */
  inStoredOrder(rows: SapRow[]): SapRow[] {
    return [...rows].sort((a, b) => this.positions.get(a)! - this.positions.get(b)!);
  }

  candidates(condition: Condition | undefined): SapRow[] {
    const bounds = { low: undefined as string | undefined, lowInclusive: true, high: undefined as string | undefined, highInclusive: true, values: undefined as string[] | undefined };
    for (const part of conjuncts(condition)) {
      if (part.kind === 'in' && part.field === this.field) bounds.values = part.values;
      if (part.kind !== 'compare' || part.field !== this.field) continue;
      if (part.operator === '=') bounds.values = [part.value];
      if ((part.operator === '>' || part.operator === '>=') && (bounds.low === undefined || compareCharacters(part.value, bounds.low) >= 0)) {
        bounds.low = part.value;
        bounds.lowInclusive = part.operator === '>=';
      }
      if ((part.operator === '<' || part.operator === '<=') && (bounds.high === undefined || compareCharacters(part.value, bounds.high) <= 0)) {
        bounds.high = part.value;
        bounds.highInclusive = part.operator === '<=';
      }
    }
    if (bounds.values) return bounds.values.flatMap((wanted) => this.slice(wanted, true, wanted, true));
    if (bounds.low === undefined && bounds.high === undefined) return this.sorted;
    return this.slice(bounds.low, bounds.lowInclusive, bounds.high, bounds.highInclusive);
  }

  private slice(low: string | undefined, lowInclusive: boolean, high: string | undefined, highInclusive: boolean): SapRow[] {
    const first = low === undefined ? 0 : this.search((order) => (lowInclusive ? order >= 0 : order > 0), low);
    const end = high === undefined ? this.sorted.length : this.search((order) => (highInclusive ? order > 0 : order >= 0), high);
    return this.sorted.slice(first, Math.max(first, end));
  }

  /** First index whose row satisfies `test(compare(row, bound))` (monotone over the sorted rows). */
  private search(test: (order: number) => boolean, bound: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (test(compareCharacters(this.value(this.sorted[middle]!), bound))) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** The parts of a top-level AND chain (an OR or NOT anywhere above a part hides it). */
function conjuncts(condition: Condition | undefined): Condition[] {
  if (!condition) return [];
  return condition.kind === 'and' ? [...conjuncts(condition.left), ...conjuncts(condition.right)] : [condition];
}
