import type { ChartPoint, ReportCell, ReportTable } from '../report-types.js';

/** A share as a percentage with one decimal (`12.5%`). */
export const percent = (part: number, total: number): string => (total === 0 ? '0.0%' : `${((part / total) * 100).toFixed(1)}%`);

/** Map entries by count, largest first, then by label. */
export function byCount(map: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Value, count and share of each value: one of the summary's distribution tables. */
export function shareTable(name: string, title: string, label: string, map: ReadonlyMap<string, number>, total: number): ReportTable {
  return {
    name,
    title,
    columns: [label, '数量 Count', '占比 Share'],
    rows: byCount(map).map(([value, count]): ReportCell[] => [value, count, percent(count, total)]),
    totals: ['合计 Total', total, total === 0 ? '0.0%' : '100.0%'],
  };
}

/** The largest values as chart points; the rest folded into one `其他 other` point. */
export function topPoints(map: ReadonlyMap<string, number>, limit = 12): ChartPoint[] {
  const sorted = byCount(map);
  const points = sorted.slice(0, limit).map(([label, value]) => ({ label, value }));
  const rest = sorted.slice(limit).reduce((sum, [, value]) => sum + value, 0);
  return rest > 0 ? [...points, { label: '其他 other', value: rest }] : points;
}

/** Chinese names of the statuses, for tables and charts. */
export const STATUS_LABELS: Record<string, string> = { active: '正常 active', blocked: '停用 blocked', deleted: '删除 deleted' };

export function relabel(map: ReadonlyMap<string, number>, labels: Record<string, string>): Map<string, number> {
  return new Map([...map.entries()].map(([key, value]) => [labels[key] ?? key, value]));
}
