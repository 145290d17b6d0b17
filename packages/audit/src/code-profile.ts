/** Distinct prefixes tracked before the rest are counted as "(other)": bounded memory on random codes. */
const MAX_PREFIXES = 10_000;
const OTHER = '(other)';

/** Code length histogram and prefix distribution, for the summary and the HTML charts. */
export class CodeProfile {
  private readonly lengths = new Map<number, number>();
  private readonly prefixCounts = new Map<string, number>();

  add(code: string, prefix: string): void {
    this.lengths.set(code.length, (this.lengths.get(code.length) ?? 0) + 1);
    const key = this.prefixCounts.has(prefix) || this.prefixCounts.size < MAX_PREFIXES ? prefix : OTHER;
    this.prefixCounts.set(key, (this.prefixCounts.get(key) ?? 0) + 1);
  }

  codeLengths(): Record<string, number> {
    const histogram: Record<string, number> = {};
    for (const length of [...this.lengths.keys()].sort((a, b) => a - b)) histogram[String(length)] = this.lengths.get(length)!;
    return histogram;
  }

  /** The `limit` most frequent prefixes; '' stands for codes that start with a digit. */
  prefixes(limit = 20): Array<{ prefix: string; count: number }> {
    return [...this.prefixCounts]
      .map(([prefix, count]) => ({ prefix, count }))
      .sort((a, b) => b.count - a.count || (a.prefix < b.prefix ? -1 : 1))
      .slice(0, limit);
  }
}

