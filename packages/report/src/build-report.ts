import { audit } from '@custcode/audit';
import type { AuditReport } from '@custcode/audit';
import { toIsoDateTime } from '@custcode/core/adapter';
import { ConfigError } from '@custcode/core';
import type { CustomerFilter } from '@custcode/core';
import { collectStats, type SourceStats } from './collect-stats.js';
import { REPORT_TEMPLATES, type ReportDocument, type ReportOptions, type ReportSection, type ReportSourceInput, type ReportTemplate } from './report-types.js';
import { classificationSection } from './templates/classification-template.js';
import { DEFAULT_DETAIL_FIELDS, detailSection } from './templates/detail-template.js';
import { growthComparison, growthSection } from './templates/growth-template.js';
import { summaryComparison, summarySection } from './templates/summary-template.js';

export const REPORT_TITLES: Record<ReportTemplate, string> = {
  detail: '客户明细表 Customer list',
  summary: '客户资料汇总表 Customer summary',
  classification: '客户分类报表 Customers by class',
  growth: '客户增长报表 Customer growth',
};

/** The filters in words, for the report header. */
export function describeFilter(filter: CustomerFilter): string[] {
  return Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key} = ${Array.isArray(value) ? value.join(', ') : String(value)}`);
}

/**
 * Builds a report from one or more sources: each source is read once (the template's filters applied)
 * and becomes a section; with several sources a comparison section puts them side by side.
 */
export async function buildReport(inputs: readonly ReportSourceInput[], options: ReportOptions): Promise<ReportDocument> {
  if (!(REPORT_TEMPLATES as readonly string[]).includes(options.template)) {
    throw new ConfigError({ message: `Unknown report template "${options.template}".`, hint: `Choose one of: ${REPORT_TEMPLATES.join(', ')}.` });
  }
  if (inputs.length === 0) throw new ConfigError({ message: 'A report needs at least one source.', hint: 'Name a source (CLI: SOURCE or --source NAME).' });
  const filter = options.filter ?? {};
  const fields = options.fields ?? DEFAULT_DETAIL_FIELDS;
  const all: Array<{ stats: SourceStats; quality: AuditReport | undefined }> = [];
  let read = 0;
  async function* counted<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const row of rows) {
      read += 1;
      if (read % 1000 === 0) options.onProgress?.(read);
      yield row;
    }
    options.onProgress?.(read);
  }
  for (const input of inputs) {
    const name = input.name ?? input.source.name;
    const stats = await collectStats(name, input.source.erp, options.onProgress ? counted(input.source.search(filter)) : input.source.search(filter), {
      keepRows: options.template === 'detail' ? (options.maxRows ?? 20_000) : 0,
      keepAuditRecords: options.template === 'summary',
    });
    const quality = options.template === 'summary' ? await audit(stats.auditRecords, { source: name }) : undefined;
    stats.auditRecords = [];
    all.push({ stats, quality });
  }
  const sections: ReportSection[] = all.map(({ stats, quality }) => {
    switch (options.template) {
      case 'detail':
        return detailSection(stats, fields);
      case 'summary':
        return summarySection(stats, quality!);
      case 'classification':
        return classificationSection(stats);
      case 'growth':
        return growthSection(stats);
    }
  });
  let comparison: ReportSection | undefined;
  if (all.length > 1 && options.template === 'summary') comparison = summaryComparison(all.map(({ stats, quality }) => ({ stats, quality: quality! })));
  if (all.length > 1 && options.template === 'growth') comparison = growthComparison(all.map(({ stats }) => stats));
  return {
    template: options.template,
    title: options.title ?? REPORT_TITLES[options.template],
    generatedAt: options.generatedAt ?? toIsoDateTime(localNow())!,
    sources: all.map(({ stats }) => ({ name: stats.name, erp: stats.erp })),
    filters: describeFilter(filter),
    notes: [],
    sections,
    ...(comparison ? { comparison } : {}),
  };
}

/** Now as a Date whose UTC getters give local wall-clock time (toIsoDateTime reads UTC). */
function localNow(): Date {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
}
