import type { SourceStats } from '../collect-stats.js';
import type { ReportCell, ReportSection } from '../report-types.js';

/** Every month from the first to the last with activity: a quiet month reads 0, not a missing row or a bent line. */
export function monthsOf(...maps: ReadonlyArray<ReadonlyMap<string, number>>): string[] {
  const known = [...new Set(maps.flatMap((map) => [...map.keys()]))].sort();
  if (known.length === 0 || !known.every((key) => /^\d{4}-\d{2}$/.test(key))) return known;
  const [lastYear, lastMonth] = known.at(-1)!.split('-').map(Number) as [number, number];
  let [year, month] = known[0]!.split('-').map(Number) as [number, number];
  const months: string[] = [];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

function growthNotes(stats: SourceStats): string[] {
  const notes: string[] = [];
  if (stats.approximatedStatusDates > 0) {
    notes.push(
      `停用/删除月份按最后修改时间估算 Blocked/deleted month is approximated by the last modification (updatedAt) for ${stats.approximatedStatusDates} record(s): the ERP does not record when the status changed.`,
    );
  }
  if (stats.exactStatusDates > 0) notes.push(`${stats.exactStatusDates} 条按停用日期 record(s) dated by their stop date (dEndDate).`);
  if (stats.undatedStatusChanges > 0) notes.push(`${stats.undatedStatusChanges} 条停用/删除记录无日期 blocked/deleted record(s) have no date and are not counted per month.`);
  if (stats.withoutCreatedAt > 0) notes.push(`${stats.withoutCreatedAt} 条记录无创建时间 record(s) have no creation date.`);
  return notes;
}

/** 客户增长报表: new customers per month, and blocked/deleted per month. */
export function growthSection(stats: SourceStats): ReportSection {
  const months = monthsOf(stats.createdByMonth, stats.blockedByMonth, stats.deletedByMonth);
  let cumulative = 0;
  const rows: ReportCell[][] = [];
  // A subtotal row closes each year: 用友/金蝶 growth reports total by year as well as overall.
  let year = { label: '', created: 0, blocked: 0, deleted: 0 };
  const closeYear = () => {
    if (year.label !== '') rows.push([`${year.label} 小计 Subtotal`, year.created, year.blocked, year.deleted, cumulative]);
  };
  for (const month of months) {
    if (month.slice(0, 4) !== year.label) {
      closeYear();
      year = { label: month.slice(0, 4), created: 0, blocked: 0, deleted: 0 };
    }
    const created = stats.createdByMonth.get(month) ?? 0;
    const blocked = stats.blockedByMonth.get(month) ?? 0;
    const deleted = stats.deletedByMonth.get(month) ?? 0;
    cumulative += created;
    year = { label: year.label, created: year.created + created, blocked: year.blocked + blocked, deleted: year.deleted + deleted };
    rows.push([month, created, blocked, deleted, cumulative]);
  }
  closeYear();
  const sum = (map: ReadonlyMap<string, number>) => [...map.values()].reduce((total, value) => total + value, 0);
  const series = (name: string, map: ReadonlyMap<string, number>) => ({ name, points: months.map((month) => ({ label: month, value: map.get(month) ?? 0 })) });
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes: growthNotes(stats),
    charts: [
      {
        kind: 'line', name: `${stats.name}-growth`, title: '每月新增与停用 New and blocked per month',
        series: [series('新增 new', stats.createdByMonth), series('停用 blocked', stats.blockedByMonth), series('删除 deleted', stats.deletedByMonth)],
      },
    ],
    tables: [
      {
        name: 'growth',
        title: '每月变化 Per month',
        columns: ['月份 Month', '新增 New', '停用 Blocked', '删除 Deleted', '累计新增 Cumulative new'],
        rows,
        totals: ['合计 Total', sum(stats.createdByMonth), sum(stats.blockedByMonth), sum(stats.deletedByMonth), cumulative],
      },
    ],
  };
}

/** New customers per month, one column per source. */
export function growthComparison(all: readonly SourceStats[]): ReportSection {
  const months = monthsOf(...all.map((stats) => stats.createdByMonth));
  return {
    title: '对比 Comparison',
    notes: [],
    charts: [
      {
        kind: 'line', name: 'comparison-growth', title: '各数据源每月新增 New per month by source',
        series: all.map((stats) => ({ name: stats.name, points: months.map((month) => ({ label: month, value: stats.createdByMonth.get(month) ?? 0 })) })),
      },
    ],
    tables: [
      {
        name: 'comparison',
        title: '每月新增对比 New per month, side by side',
        columns: ['月份 Month', ...all.map((stats) => `${stats.name} 新增 new`)],
        rows: months.map((month) => [month, ...all.map((stats) => stats.createdByMonth.get(month) ?? 0)]),
      },
    ],
  };
}
