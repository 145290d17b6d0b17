import type { AuditReport } from '@custcode/audit';
import type { SourceStats } from '../collect-stats.js';
import type { ReportSection, ReportTable } from '../report-types.js';
import { percent, relabel, rowsVersusCodes, shareTable, STATUS_LABELS, topPoints } from './table-helpers.js';

/** Data-quality figures of the audit as a two-column table. */
function qualityTable(report: AuditReport, total: number): ReportTable {
  const { summary } = report;
  const rows: Array<[string, number]> = [
    ['重复编号 Duplicate codes', summary.duplicates],
    ['缺失编号 Missing codes', summary.missing],
    ['流水号断号 Serial gaps', summary.gaps],
    ['断号缺失数 Missing serials', summary.missingSerials],
    ['格式不符 Format violations', summary.formatViolations],
    ['乱码 Garbled text', summary.garbled],
    ['无效税号 Invalid tax ids', summary.invalidTaxIds],
    ['疑似重复客户 Probable duplicates', summary.nearDuplicates],
  ];
  return { name: 'quality', title: '数据质量 Data quality', columns: ['检查 Check', '数量 Count', '占客户数 Of customers'], rows: rows.map(([label, count]) => [label, count, percent(count, total)]) };
}

/** 客户资料汇总表: counts by status, category, region and org with shares, and the audit's figures. */
export function summarySection(stats: SourceStats, quality: AuditReport): ReportSection {
  const byStatus = relabel(stats.byStatus, STATUS_LABELS);
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes: [`客户总数 Customers: ${stats.total.toLocaleString('en-US')}`, ...rowsVersusCodes(stats)],
    charts: [
      { kind: 'pie', name: `${stats.name}-status`, title: '按状态 By status', series: [{ name: stats.name, points: topPoints(byStatus) }] },
      { kind: 'bar', name: `${stats.name}-category`, title: '按分类 By category', series: [{ name: stats.name, points: topPoints(stats.byCategory) }] },
      { kind: 'bar', name: `${stats.name}-region`, title: '按地区 By region', series: [{ name: stats.name, points: topPoints(stats.byRegion) }] },
    ],
    tables: [
      shareTable('status', '按状态 By status', '状态 Status', byStatus, stats.total),
      shareTable('category', '按分类 By category', '分类 Category', stats.byCategory, stats.total),
      shareTable('region', '按地区 By region', '地区 Region', stats.byRegion, stats.total),
      shareTable('org', '按组织 By org', '组织 Org', stats.byOrg, stats.total),
      qualityTable(quality, stats.total),
    ],
  };
}

/** Several sources side by side: one row per figure, one column per source. */
export function summaryComparison(all: ReadonlyArray<{ stats: SourceStats; quality: AuditReport }>): ReportSection {
  const figure = (label: string, value: (item: { stats: SourceStats; quality: AuditReport }) => number) => [label, ...all.map(value)];
  return {
    title: '对比 Comparison',
    notes: [],
    charts: [
      { kind: 'bar', name: 'comparison-total', title: '客户数 Customers per source', series: [{ name: 'total', points: all.map(({ stats }) => ({ label: stats.name, value: stats.total })) }] },
    ],
    tables: [
      {
        name: 'comparison',
        title: '各数据源对比 Sources side by side',
        columns: ['指标 Figure', ...all.map(({ stats }) => `${stats.name} (${stats.erp})`)],
        rows: [
          figure('客户总数（行） Customers (rows)', ({ stats }) => stats.total),
          figure('不同编号 Distinct codes', ({ stats }) => stats.distinctCodes),
          figure(STATUS_LABELS.active!, ({ stats }) => stats.byStatus.get('active') ?? 0),
          figure(STATUS_LABELS.blocked!, ({ stats }) => stats.byStatus.get('blocked') ?? 0),
          figure(STATUS_LABELS.deleted!, ({ stats }) => stats.byStatus.get('deleted') ?? 0),
          figure('分类数 Categories', ({ stats }) => stats.byCategory.size),
          figure('地区数 Regions', ({ stats }) => stats.byRegion.size),
          figure('重复编号 Duplicate codes', ({ quality }) => quality.summary.duplicates),
          figure('断号 Serial gaps', ({ quality }) => quality.summary.gaps),
          figure('无效税号 Invalid tax ids', ({ quality }) => quality.summary.invalidTaxIds),
        ],
      },
    ],
  };
}
