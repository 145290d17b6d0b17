import type { CustomerFilter } from '@custcode/core';
import type { CustomerSource } from '@custcode/core';
import type { DocumentLang, Lang } from '@custcode/core/messages';
import type { ExportField } from '@custcode/export';

export const REPORT_TEMPLATES = ['detail', 'summary', 'classification', 'growth'] as const;
/** 客户明细表, 客户资料汇总表, 客户分类报表, 客户增长报表. */
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

export type ReportCell = string | number;

/** One table of a report; an XLSX sheet of its own. */
export interface ReportTable {
  /** Short name (XLSX sheet name, HTML anchor). */
  name: string;
  title: string;
  columns: string[];
  rows: ReportCell[][];
  /** A totals row shown under the data. */
  totals?: ReportCell[];
  /** Leading spaces of a cell in the first column mean tree depth (class trees). */
  indented?: boolean;
}

export interface ChartPoint {
  label: string;
  value: number;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

/** A chart drawn from its data: inline SVG in HTML, vector drawing in PDF. */
export interface ReportChart {
  kind: 'bar' | 'pie' | 'line';
  /** Stable id (`data-chart` in HTML). */
  name: string;
  title: string;
  /** Bar and pie charts use the first series; line charts draw all. */
  series: ChartSeries[];
}

export interface ReportSection {
  title: string;
  /** The source this section is about; absent for sections that compare sources. */
  source?: string;
  notes: string[];
  charts: ReportChart[];
  tables: ReportTable[];
}

/** A format-neutral report: HTML, XLSX and PDF are renderings of this. */
export interface ReportDocument {
  template: ReportTemplate;
  /** The language of the words around the data; absent or `both`: `中文 English` side by side. */
  lang?: DocumentLang;
  title: string;
  generatedAt: string;
  sources: Array<{ name: string; erp: string }>;
  /** The filters used, in words (`status = blocked`). */
  filters: string[];
  notes: string[];
  /** Per-source sections; with several sources the renderers place them side by side. */
  sections: ReportSection[];
  /** Tables and charts across sources (several sources only). */
  comparison?: ReportSection;
}

export interface ReportOptions {
  template: ReportTemplate;
  /** Filters applied to every source (the export filters). */
  filter?: CustomerFilter;
  /** detail: columns (default code, name, category, region, status, org, createdAt). */
  fields?: readonly ExportField[];
  /** detail: rows kept per source (default 20,000); the rest are counted and noted. */
  maxRows?: number;
  /** zh-CN or en: the whole report in one language (titles, headers, notes, status words, months, page
   * numbers). Default: both side by side, as reports were before they could be written in one. */
  lang?: Lang;
  /** Default: the template's name in the report's language. */
  title?: string;
  /** Default: now, as ISO local date-time. */
  generatedAt?: string;
  /** Called as customers are read, with the running total over every source. */
  onProgress?: (rows: number) => void;
}

export interface ReportSourceInput {
  /** Name shown in the report (default: source.name). */
  name?: string;
  source: CustomerSource;
}
