export {
  DEFAULT_EXPORT_FIELDS,
  ZH_HEADERS,
  headerOf,
  cellText,
  parseExportFields,
  pickFields,
  type ExportField,
  type ExportHeaders,
  type ExportOptions,
} from './export-fields.js';
export { writeCsv, CSV_ENCODINGS, type CsvEncoding, type CsvExportOptions } from './csv-writer.js';
export { escapeFormula, unescapeFormula, type CsvCellOptions } from './formula-guard.js';
export { writeJson, writeNdjson, type JsonExportOptions } from './json-writer.js';
export { writeExport, exportProjection, EXPORT_FORMATS, type ExportFormat, type WriteExportOptions } from './write-export.js';
export { cellGuard } from './formula-guard.js';
// Writing to a stream with backpressure: shared by every writer here and by the snapshot writer in @custcode/changes.
export { writeChunk, endStream, untilDrained, withOutput } from './write-chunk.js';
// PDF helpers that need no pdfkit (the report package draws its own PDFs with them).
export { findCjkFont, resolveCjkFont, type CjkFont } from './pdf/find-cjk-font.js';
export { createTextFitter } from './pdf/text-fitter.js';
// Reading back the CSV or JSON tables custcode writes and users edit (decisions, crosswalks, translations).
export { looksLikeJson, parseCsvRecords, parseJsonText } from './read-table-text.js';
