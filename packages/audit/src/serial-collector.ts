/** Serial numbers per counter key, in growable typed arrays (8 bytes a record, no objects). */
export class SerialCollector {
  private readonly series = new Map<string, { values: Float64Array; length: number }>();

  add(key: string, serial: number): void {
    let entry = this.series.get(key);
    if (!entry) {
      entry = { values: new Float64Array(64), length: 0 };
      this.series.set(key, entry);
    }
    if (entry.length === entry.values.length) {
      const grown = new Float64Array(entry.values.length * 2);
      grown.set(entry.values);
      entry.values = grown;
    }
    entry.values[entry.length++] = serial;
  }

  keys(): string[] {
    return [...this.series.keys()];
  }

  /** The distinct serials of `key`, ascending. */
  sortedDistinct(key: string): Float64Array {
    const entry = this.series.get(key);
    if (!entry) return new Float64Array(0);
    const values = entry.values.subarray(0, entry.length);
    // Codes usually arrive in code order, and then serials in ascending order: no sort needed.
    const sorted = isAscending(values) ? values : values.sort();
    let write = 0;
    for (let read = 0; read < sorted.length; read++) {
      if (write === 0 || sorted[read] !== sorted[write - 1]) sorted[write++] = sorted[read]!;
    }
    return sorted.subarray(0, write);
  }
}

function isAscending(values: Float64Array): boolean {
  for (let index = 1; index < values.length; index++) if (values[index]! < values[index - 1]!) return false;
  return true;
}

export interface SerialRange {
  from: number;
  to: number;
}

/**
 * The inclusive ranges missing between consecutive serials (sorted, distinct), optionally from `start`;
 * with a `step` (a rule's `step=`), only serials on that grid count as missing.
 */
export function missingRanges(sorted: Float64Array, start?: number, step = 1): SerialRange[] {
  const ranges: SerialRange[] = [];
  if (sorted.length === 0) return ranges;
  if (start !== undefined && sorted[0]! - start >= step) ranges.push({ from: start, to: sorted[0]! - step });
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const current = sorted[index]!;
    if (current - previous > step) ranges.push({ from: previous + step, to: current - step });
  }
  return ranges;
}
