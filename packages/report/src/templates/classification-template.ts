import type { ClassStats, SourceStats } from '../collect-stats.js';
import type { ReportCell, ReportSection } from '../report-types.js';
import type { ReportWords } from '../report-words.js';
import { percent } from './table-helpers.js';

const compareClasses = (a: ClassStats, b: ClassStats) => {
  const left = a.code ?? a.name ?? '';
  const right = b.code ?? b.name ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
};

/** Depth in a class tree whose codes extend their parent's (U8 `01` → `0101` → `010101`). */
function depthOf(entry: ClassStats, all: readonly ClassStats[]): number {
  if (!entry.code) return 0;
  return all.filter((other) => other.code && other.code !== entry.code && entry.code!.startsWith(other.code)).length;
}

/**
 * 客户分类报表: customers grouped by class (U8 class tree, Kingdee group, SAP account group or KUKLA, EBS class
 * code), with the class name the ERP gives (Customer.category) and the raw class code where `raw` has one.
 */
export function classificationSection(words: ReportWords, stats: SourceStats): ReportSection {
  const classes = [...stats.classes.values()].sort(compareClasses);
  const withCodes = classes.some((entry) => entry.code !== undefined);
  const rows = classes.map((entry): ReportCell[] => {
    const indent = '  '.repeat(depthOf(entry, classes));
    const label = `${indent}${entry.code ?? '—'}`;
    return [
      ...(withCodes ? [label, entry.name ?? '—'] : [`${indent}${entry.name ?? `(${words.term('report.unclassified')})`}`]),
      entry.total, entry.byStatus.active, entry.byStatus.blocked, entry.byStatus.deleted, percent(entry.total, stats.total),
    ];
  });
  const counts = { active: 0, blocked: 0, deleted: 0 };
  for (const entry of classes) for (const status of ['active', 'blocked', 'deleted'] as const) counts[status] += entry.byStatus[status];
  const largest = [...classes].sort((a, b) => b.total - a.total).slice(0, 15);
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes: [`${words.term('report.classes')}: ${classes.length}`, words.term(withCodes ? 'report.classCodesRaw' : 'report.noClassCodes')],
    charts: [
      {
        kind: 'bar', name: `${stats.name}-classes`, title: words.term('report.customersPerClass'),
        series: [{ name: stats.name, points: largest.map((entry) => ({ label: entry.name ?? entry.code ?? '—', value: entry.total })) }],
      },
    ],
    tables: [
      {
        name: 'classes',
        title: words.term('report.classTable'),
        columns: [
          ...(withCodes ? [words.term('report.classCode'), words.term('report.className')] : [words.field('category')]),
          words.term('report.customers'), words.status('active'), words.status('blocked'), words.status('deleted'), words.term('report.share'),
        ],
        rows,
        totals: [...(withCodes ? [words.term('total'), ''] : [words.term('total')]), stats.total, counts.active, counts.blocked, counts.deleted, stats.total === 0 ? '0.0%' : '100.0%'],
        indented: true,
      },
    ],
  };
}
