export { writePdf, DEFAULT_PDF_FIELDS, type PdfExportOptions } from './pdf-writer.js';
export { findCjkFont, resolveCjkFont, type CjkFont } from './find-cjk-font.js';
export { createTextFitter } from './text-fitter.js';
