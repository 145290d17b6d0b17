export { writeXlsx, writeXlsxTable, XLSX_MAX_DATA_ROWS, type XlsxCell, type XlsxExportOptions, type XlsxTableOptions } from './xlsx-writer.js';
