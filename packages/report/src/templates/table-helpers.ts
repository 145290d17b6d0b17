import type { SourceStats } from '../collect-stats.js';
import type { ChartPoint, ReportCell, ReportTable } from '../report-types.js';
import type { ReportWords } from '../report-words.js';

/** Counts and shares align right; text (codes of digits too) aligns left. */
export const alignsRight = (value: ReportCell): boolean => typeof value === 'number' || /^-?\d+(\.\d+)?%$/.test(value);

/** A share as a percentage with one decimal (`12.5%`). */
export const percent = (part: number, total: number): string => (total === 0 ? '0.0%' : `${((part / total) * 100).toFixed(1)}%`);

/** Map entries by count, largest first, then by label. */
export function byCount(map: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Value, count and share of each value: one of the summary's distribution tables. */
export function shareTable(words: ReportWords, name: string, title: string, label: string, map: ReadonlyMap<string, number>, total: number): ReportTable {
  return {
    name,
    title,
    columns: [label, words.term('report.count'), words.term('report.share')],
    rows: byCount(map).map(([value, count]): ReportCell[] => [value, count, percent(count, total)]),
    totals: [words.term('total'), total, total === 0 ? '0.0%' : '100.0%'],
  };
}

/** The largest values as chart points; the rest folded into one `其他 other` point. */
export function topPoints(words: ReportWords, map: ReadonlyMap<string, number>, limit = 12): ChartPoint[] {
  const sorted = byCount(map);
  const points = sorted.slice(0, limit).map(([label, value]) => ({ label, value }));
  const rest = sorted.slice(limit).reduce((sum, [, value]) => sum + value, 0);
  return rest > 0 ? [...points, { label: words.term('report.other'), value: rest }] : points;
}

/**
 * With several orgs a code appears once per org: say whether a count is of rows or of distinct codes
 * (K/3 Cloud assigns one customer to many orgs), empty when the two are the same.
 */
export function rowsVersusCodes(words: ReportWords, stats: SourceStats): string[] {
  if (stats.distinctCodes === stats.total) return [];
  return [words.term('report.rowsVersusCodes', { rows: stats.total.toLocaleString('en-US'), codes: stats.distinctCodes.toLocaleString('en-US') })];
}

export function relabel(map: ReadonlyMap<string, number>, labels: Record<string, string>): Map<string, number> {
  return new Map([...map.entries()].map(([key, value]) => [labels[key] ?? key, value]));
}
