import { CSV_ENCODINGS, type CsvEncoding, type ExportField, type ExportHeaders, type ExportFormat, exportProjection, parseExportFields, writeExport } from '@custcode/export';
import { type Customer, type CustomerSource } from '@custcode/core';
import { type CommandIo, EXIT_CODES } from '../command-io.js';
import { noteMaskedText } from '../output/access-notes.js';
import { outputGuard } from '../output/output-guard.js';
import { createProgress } from '../output/progress.js';
import { UsageError } from '../output/usage-error.js';
import { writeChunk } from '../output/write-chunk.js';
import { exportFormat } from './export-format.js';
import { type FilterFlags, resolveQuery } from './query-options.js';
import { type CommonOptions, withSource } from './with-source.js';
import { writeAtomically } from './write-atomically.js';

export interface ExportCommandOptions extends CommonOptions, FilterFlags {
  source: string;
  out: string;
  format?: string;
  fields?: string;
  headers?: string;
  encoding?: string;
  font?: string;
  /** `--no-escape-formulas` sets false: CSV cells starting with = + - @ are written verbatim. */
  escapeFormulas?: boolean;
}

interface WriterOptions {
  fields: ExportField[] | undefined;
  headers: ExportHeaders;
  encoding: CsvEncoding;
  font: string | undefined;
  escapeFormulas: boolean;
  title: string;
  onRow: (rows: number) => void;
}

/** The command's writer options as the format writers take them. */
function writeFormat(format: ExportFormat, customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: WriterOptions): Promise<number> {
  const { fields, font, ...rest } = options;
  return writeExport(format, customers, output, { ...rest, ...(fields ? { fields } : {}), ...(font ? { font } : {}) });
}

function parseHeaders(value: string | undefined): ExportHeaders {
  if (value === undefined || value === 'en' || value === 'zh') return value ?? 'en';
  throw new UsageError({ message: `Unknown header language "${value}".`, hint: '--headers is en (field names) or zh (客户编号, 客户名称, …).' });
}

function parseEncoding(value: string | undefined): CsvEncoding {
  const normalized = value?.toLowerCase().replace('utf-8', 'utf8');
  if (normalized === undefined) return 'utf8';
  if ((CSV_ENCODINGS as readonly string[]).includes(normalized)) return normalized as CsvEncoding;
  throw new UsageError({ message: `Unknown CSV encoding "${value}".`, hint: `--encoding is one of: ${CSV_ENCODINGS.join(', ')}.` });
}

/** Counts only for the progress bar, and only when there is a terminal to show it on. */
/** The rows to come: for the progress line on a terminal, and for a PDF's `第 x / y 页` footers. */
async function totalFor(io: CommandIo, source: CustomerSource, query: Parameters<CustomerSource['count']>[0] & { limit?: number }, format: ExportFormat): Promise<number | undefined> {
  if (!io.stderrIsTTY && format !== 'pdf') return undefined;
  const { limit, after: _after, ...filter } = query as typeof query & { after?: string };
  const count = await source.count(filter).catch(() => undefined);
  return count === undefined ? undefined : Math.min(count, limit ?? count);
}

/** `custcode export SOURCE --out FILE [--format …] [--fields …] [--headers en|zh] [filters | --view NAME]`. */
export async function runExport(io: CommandIo, options: ExportCommandOptions): Promise<number> {
  return withSource(io, { ...options, command: 'export' }, async (source, loaded) => {
    const out = outputGuard(loaded, io.cwd).check(options.out, '--out');
    const format = exportFormat(out, options.format);
    const headers = parseHeaders(options.headers);
    const encoding = parseEncoding(options.encoding);
    if (options.encoding !== undefined && format !== 'csv') throw new UsageError({ message: '--encoding applies to CSV only.', hint: 'Drop --encoding, or export with --format csv.' });
    const { query, fields: viewFields } = resolveQuery(loaded, options.source, undefined, options);
    const fields = options.fields !== undefined ? parseExportFields(options.fields) : viewFields;
    noteMaskedText(io, source, query);
    const total = await totalFor(io, source, query, format);
    const progress = createProgress(io, io.stderrIsTTY ? total : undefined);
    const title = `${options.source} (${source.erp})${options.view ? ` — ${options.view}` : ''}`;
    const rows = await writeAtomically(out, (output) =>
      writeFormat(format, source.search({ ...query, ...exportProjection(format, fields) }), output, { fields, headers, encoding, font: options.font, ...(format === 'pdf' && total !== undefined ? { total } : {}), escapeFormulas: options.escapeFormulas !== false, title, onRow: (count) => progress.update(count) }),
    ).finally(() => progress.done());
    if (options.json) await writeChunk(io.stdout, `${JSON.stringify({ file: out, format, rows })}\n`);
    else io.stderr.write(`exported ${rows.toLocaleString('en-US')} customer${rows === 1 ? '' : 's'} to ${options.out} (${format})\n`);
    return EXIT_CODES.ok;
  });
}
