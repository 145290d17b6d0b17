export { writeXlsx, XLSX_MAX_DATA_ROWS, type XlsxExportOptions } from './xlsx-writer.js';
