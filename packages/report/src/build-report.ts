import { audit } from '@custcode/audit';
import type { AuditReport } from '@custcode/audit';
import { toIsoDateTime } from '@custcode/core/adapter';
import { CUSTOMER_FIELDS, ConfigError } from '@custcode/core';
import type { CustomerField, CustomerFilter } from '@custcode/core';
import type { CatalogueKey, DocumentLang } from '@custcode/core/messages';
import { collectStats, type SourceStats } from './collect-stats.js';
import { REPORT_TEMPLATES, type ReportDocument, type ReportOptions, type ReportSection, type ReportSourceInput, type ReportTemplate } from './report-types.js';
import { reportWords } from './report-words.js';
import { classificationSection } from './templates/classification-template.js';
import { DEFAULT_DETAIL_FIELDS, detailSection } from './templates/detail-template.js';
import { growthComparison, growthSection } from './templates/growth-template.js';
import { summaryComparison, summarySection } from './templates/summary-template.js';

/** The template's title in `lang` (default both languages: `客户明细表 Customer list`). */
export const reportTitle = (template: ReportTemplate, lang: DocumentLang = 'both'): string => reportWords(lang).term(`report.title.${template}`);

/** The templates' bilingual titles (kept for callers of the first version). */
export const REPORT_TITLES: Record<ReportTemplate, string> = Object.fromEntries(REPORT_TEMPLATES.map((template) => [template, reportTitle(template)])) as Record<ReportTemplate, string>;

const FILTER_KEYS: Readonly<Record<string, CatalogueKey>> = {
  text: 'filter.text', codePrefix: 'filter.codePrefix', createdFrom: 'filter.createdFrom', createdTo: 'filter.createdTo', updatedSince: 'filter.updatedSince',
};

/**
 * The filters in words, for the report header. Bilingual reports keep the query's own keys and values
 * (`status = blocked`, what the flags take); a one-language report names them in its language (`状态 = 停用`).
 */
export function describeFilter(filter: CustomerFilter, lang: DocumentLang = 'both'): string[] {
  const words = reportWords(lang);
  const keyOf = (key: string) => {
    if (lang === 'both') return key;
    if ((CUSTOMER_FIELDS as readonly string[]).includes(key)) return words.field(key as CustomerField);
    return FILTER_KEYS[key] === undefined ? key : words.term(FILTER_KEYS[key]);
  };
  const valueOf = (key: string, value: unknown) => (key === 'status' && lang !== 'both' ? words.status(String(value)) : String(value));
  return Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${keyOf(key)} = ${Array.isArray(value) ? value.map((item) => valueOf(key, item)).join(', ') : valueOf(key, value)}`);
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
  const lang: DocumentLang = options.lang ?? 'both';
  const words = reportWords(lang);
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
      noValueLabel: `(${words.term('report.noValue')})`,
    });
    const quality = options.template === 'summary' ? await audit(stats.auditRecords, { source: name }) : undefined;
    stats.auditRecords = [];
    all.push({ stats, quality });
  }
  const sections: ReportSection[] = all.map(({ stats, quality }) => {
    switch (options.template) {
      case 'detail':
        return detailSection(words, stats, fields);
      case 'summary':
        return summarySection(words, stats, quality!);
      case 'classification':
        return classificationSection(words, stats);
      case 'growth':
        return growthSection(words, stats);
    }
  });
  let comparison: ReportSection | undefined;
  if (all.length > 1 && options.template === 'summary') comparison = summaryComparison(words, all.map(({ stats, quality }) => ({ stats, quality: quality! })));
  if (all.length > 1 && options.template === 'growth') comparison = growthComparison(words, all.map(({ stats }) => stats));
  return {
    template: options.template,
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    title: options.title ?? reportTitle(options.template, lang),
    generatedAt: options.generatedAt ?? toIsoDateTime(localNow())!,
    sources: all.map(({ stats }) => ({ name: stats.name, erp: stats.erp })),
    filters: describeFilter(filter, lang),
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
