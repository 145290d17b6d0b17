import type { SourceStats } from '../collect-stats.js';
import type { ReportCell, ReportSection } from '../report-types.js';
import type { ReportWords } from '../report-words.js';

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

function growthNotes(words: ReportWords, stats: SourceStats): string[] {
  const notes: string[] = [];
  if (stats.approximatedStatusDates > 0) notes.push(words.term('report.approximated', { n: stats.approximatedStatusDates }));
  if (stats.exactStatusDates > 0) notes.push(words.term('report.exactDates', { n: stats.exactStatusDates }));
  if (stats.undatedStatusChanges > 0) notes.push(words.term('report.undated', { n: stats.undatedStatusChanges }));
  if (stats.withoutCreatedAt > 0) notes.push(words.term('report.noCreatedAt', { n: stats.withoutCreatedAt }));
  return notes;
}

/** 客户增长报表: new customers per month, and blocked/deleted per month. */
export function growthSection(words: ReportWords, stats: SourceStats): ReportSection {
  const months = monthsOf(stats.createdByMonth, stats.blockedByMonth, stats.deletedByMonth);
  let cumulative = 0;
  const rows: ReportCell[][] = [];
  // A subtotal row closes each year: 用友/金蝶 growth reports total by year as well as overall.
  let year = { label: '', created: 0, blocked: 0, deleted: 0 };
  const closeYear = () => {
    if (year.label !== '') rows.push([`${year.label} ${words.term('report.subtotal')}`, year.created, year.blocked, year.deleted, cumulative]);
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
    rows.push([words.month(month), created, blocked, deleted, cumulative]);
  }
  closeYear();
  const sum = (map: ReadonlyMap<string, number>) => [...map.values()].reduce((total, value) => total + value, 0);
  const series = (name: string, map: ReadonlyMap<string, number>) => ({ name, points: months.map((month) => ({ label: words.month(month), value: map.get(month) ?? 0 })) });
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes: growthNotes(words, stats),
    charts: [
      {
        kind: 'line', name: `${stats.name}-growth`, title: words.term('report.newAndBlocked'),
        series: [
          series(words.term('report.series.new'), stats.createdByMonth),
          series(words.term('report.series.blocked'), stats.blockedByMonth),
          series(words.term('report.series.deleted'), stats.deletedByMonth),
        ],
      },
    ],
    tables: [
      {
        name: 'growth',
        title: words.term('report.perMonth'),
        columns: [words.term('report.month'), words.term('report.new'), words.status('blocked'), words.status('deleted'), words.term('report.cumulativeNew')],
        rows,
        totals: [words.term('total'), sum(stats.createdByMonth), sum(stats.blockedByMonth), sum(stats.deletedByMonth), cumulative],
      },
    ],
  };
}

/** New customers per month, one column per source. */
export function growthComparison(words: ReportWords, all: readonly SourceStats[]): ReportSection {
  const months = monthsOf(...all.map((stats) => stats.createdByMonth));
  return {
    title: words.term('report.comparison'),
    notes: [],
    charts: [
      {
        kind: 'line', name: 'comparison-growth', title: words.term('report.newBySource'),
        series: all.map((stats) => ({ name: stats.name, points: months.map((month) => ({ label: words.month(month), value: stats.createdByMonth.get(month) ?? 0 })) })),
      },
    ],
    tables: [
      {
        name: 'comparison',
        title: words.term('report.newSideBySide'),
        columns: [words.term('report.month'), ...all.map((stats) => `${stats.name} ${words.term('report.series.new')}`)],
        rows: months.map((month) => [words.month(month), ...all.map((stats) => stats.createdByMonth.get(month) ?? 0)]),
      },
    ],
  };
}
