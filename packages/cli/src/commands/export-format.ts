import { extname } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '@custcode/export';
import { UsageError } from '../output/usage-error.js';


const BY_EXTENSION: Record<string, ExportFormat> = { '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.pdf': 'pdf' };

/** The export format: `--format`, else the output file's extension. */
export function exportFormat(out: string, format: string | undefined): ExportFormat {
  if (format !== undefined) {
    if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
    throw new UsageError({ message: `Unknown export format "${format}".`, hint: `--format is one of: ${EXPORT_FORMATS.join(', ')}.` });
  }
  const fromExtension = BY_EXTENSION[extname(out).toLowerCase()];
  if (!fromExtension) {
    throw new UsageError({ message: `Cannot tell the export format from "${out}".`, hint: `Use a .csv, .xlsx, .json, .ndjson or .pdf file name, or pass --format.` });
  }
  return fromExtension;
}
