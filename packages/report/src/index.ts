export { buildReport, describeFilter, REPORT_TITLES, reportTitle } from './build-report.js';
export { renderReportHtml } from './html/render-report-html.js';
export { writeReportXlsx } from './xlsx/write-report-xlsx.js';
export { writeReportPdf, type ReportPdfOptions } from './pdf/write-report-pdf.js';
export { DEFAULT_DETAIL_FIELDS } from './templates/detail-template.js';
export {
  REPORT_TEMPLATES, type ReportTemplate, type ReportDocument, type ReportSection, type ReportTable, type ReportChart, type ReportCell,
  type ChartSeries, type ChartPoint, type ReportOptions, type ReportSourceInput,
} from './report-types.js';
