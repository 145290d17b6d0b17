import type { AuditReport } from '@custcode/audit';
import type { CatalogueKey } from '@custcode/core/messages';
import type { SourceStats } from '../collect-stats.js';
import type { ReportSection, ReportTable } from '../report-types.js';
import type { ReportWords } from '../report-words.js';
import { percent, relabel, rowsVersusCodes, shareTable, topPoints } from './table-helpers.js';

/** Data-quality figures of the audit as a two-column table; the checks named as the audit page names them. */
function qualityTable(words: ReportWords, report: AuditReport, total: number): ReportTable {
  const { summary } = report;
  const rows: Array<[CatalogueKey, number]> = [
    ['kind.duplicates', summary.duplicates],
    ['kind.missing', summary.missing],
    ['kind.gaps', summary.gaps],
    ['report.missingSerials', summary.missingSerials],
    ['kind.formatViolations', summary.formatViolations],
    ['kind.garbled', summary.garbled],
    ['kind.invalidTaxIds', summary.invalidTaxIds],
    ['kind.nearDuplicates', summary.nearDuplicates],
  ];
  return {
    name: 'quality',
    title: words.term('report.quality'),
    columns: [words.term('report.check'), words.term('report.count'), words.term('report.ofCustomers')],
    rows: rows.map(([key, count]) => [words.term(key), count, percent(count, total)]),
  };
}

const byStatusOf = (words: ReportWords, stats: SourceStats) => relabel(stats.byStatus, Object.fromEntries([...stats.byStatus.keys()].map((status) => [status, words.status(status)])));

/** 客户资料汇总表: counts by status, category, region and org with shares, and the audit's figures. */
export function summarySection(words: ReportWords, stats: SourceStats, quality: AuditReport): ReportSection {
  const byStatus = byStatusOf(words, stats);
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes: [`${words.term('report.customersTotal')}: ${stats.total.toLocaleString('en-US')}`, ...rowsVersusCodes(words, stats)],
    charts: [
      { kind: 'pie', name: `${stats.name}-status`, title: words.term('report.byStatus'), series: [{ name: stats.name, points: topPoints(words, byStatus) }] },
      { kind: 'bar', name: `${stats.name}-category`, title: words.term('report.byCategory'), series: [{ name: stats.name, points: topPoints(words, stats.byCategory) }] },
      { kind: 'bar', name: `${stats.name}-region`, title: words.term('report.byRegion'), series: [{ name: stats.name, points: topPoints(words, stats.byRegion) }] },
    ],
    tables: [
      shareTable(words, 'status', words.term('report.byStatus'), words.field('status'), byStatus, stats.total),
      shareTable(words, 'category', words.term('report.byCategory'), words.field('category'), stats.byCategory, stats.total),
      shareTable(words, 'region', words.term('report.byRegion'), words.field('region'), stats.byRegion, stats.total),
      shareTable(words, 'org', words.term('report.byOrg'), words.field('org'), stats.byOrg, stats.total),
      qualityTable(words, quality, stats.total),
    ],
  };
}

/** Several sources side by side: one row per figure, one column per source. */
export function summaryComparison(words: ReportWords, all: ReadonlyArray<{ stats: SourceStats; quality: AuditReport }>): ReportSection {
  const figure = (label: string, value: (item: { stats: SourceStats; quality: AuditReport }) => number) => [label, ...all.map(value)];
  return {
    title: words.term('report.comparison'),
    notes: [],
    charts: [
      { kind: 'bar', name: 'comparison-total', title: words.term('report.perSource'), series: [{ name: 'total', points: all.map(({ stats }) => ({ label: stats.name, value: stats.total })) }] },
    ],
    tables: [
      {
        name: 'comparison',
        title: words.term('report.sideBySide'),
        columns: [words.term('report.figure'), ...all.map(({ stats }) => `${stats.name} (${stats.erp})`)],
        rows: [
          figure(words.term('report.rows'), ({ stats }) => stats.total),
          figure(words.term('report.distinctCodes'), ({ stats }) => stats.distinctCodes),
          figure(words.status('active'), ({ stats }) => stats.byStatus.get('active') ?? 0),
          figure(words.status('blocked'), ({ stats }) => stats.byStatus.get('blocked') ?? 0),
          figure(words.status('deleted'), ({ stats }) => stats.byStatus.get('deleted') ?? 0),
          figure(words.term('report.categories'), ({ stats }) => stats.byCategory.size),
          figure(words.term('report.regions'), ({ stats }) => stats.byRegion.size),
          figure(words.term('kind.duplicates'), ({ quality }) => quality.summary.duplicates),
          figure(words.term('kind.gaps'), ({ quality }) => quality.summary.gaps),
          figure(words.term('kind.invalidTaxIds'), ({ quality }) => quality.summary.invalidTaxIds),
        ],
      },
    ],
  };
}
