import type { ClassStats, SourceStats } from '../collect-stats.js';
import type { ReportCell, ReportSection } from '../report-types.js';
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
export function classificationSection(stats: SourceStats): ReportSection {
  const classes = [...stats.classes.values()].sort(compareClasses);
  const withCodes = classes.some((entry) => entry.code !== undefined);
  const rows = classes.map((entry): ReportCell[] => {
    const indent = '  '.repeat(depthOf(entry, classes));
    const label = `${indent}${entry.code ?? '—'}`;
    return [
      ...(withCodes ? [label, entry.name ?? '—'] : [`${indent}${entry.name ?? '(未分类 none)'}`]),
      entry.total, entry.byStatus.active, entry.byStatus.blocked, entry.byStatus.deleted, percent(entry.total, stats.total),
    ];
  });
  const counts = { active: 0, blocked: 0, deleted: 0 };
  for (const entry of classes) for (const status of ['active', 'blocked', 'deleted'] as const) counts[status] += entry.byStatus[status];
  const largest = [...classes].sort((a, b) => b.total - a.total).slice(0, 15);
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes: [
      `分类数 Classes: ${classes.length}`,
      withCodes ? '分类编码取自 ERP 原始列 Class codes come from the ERP\'s own columns (raw).' : '此数据源没有分类编码列 This source has no class code column; classes are grouped by name.',
    ],
    charts: [
      {
        kind: 'bar', name: `${stats.name}-classes`, title: '各分类客户数 Customers per class',
        series: [{ name: stats.name, points: largest.map((entry) => ({ label: entry.name ?? entry.code ?? '—', value: entry.total })) }],
      },
    ],
    tables: [
      {
        name: 'classes',
        title: '客户分类 Classes',
        columns: [...(withCodes ? ['分类编码 Class code', '分类名称 Class name'] : ['分类 Class']), '客户数 Customers', '正常 Active', '停用 Blocked', '删除 Deleted', '占比 Share'],
        rows,
        totals: [...(withCodes ? ['合计 Total', ''] : ['合计 Total']), stats.total, counts.active, counts.blocked, counts.deleted, stats.total === 0 ? '0.0%' : '100.0%'],
        indented: true,
      },
    ],
  };
}
