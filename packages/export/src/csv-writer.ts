import iconv from 'iconv-lite';
import type { Customer } from '@custcode/core';
import { ConfigError } from '@custcode/core';
import { pagesOf } from '@custcode/core/adapter';
import { cellReaders, DEFAULT_EXPORT_FIELDS, type ExportOptions, headerOf } from './export-fields.js';
import { cellGuard, type CsvCellOptions } from './formula-guard.js';
import { endStream, withOutput, writeChunk } from './write-chunk.js';

/** `utf8` (with a BOM by default, so Excel reads Chinese correctly) or a legacy Chinese code page. */
export type CsvEncoding = 'utf8' | 'gbk' | 'gb18030';
export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf8', 'gbk', 'gb18030'];

export interface CsvExportOptions extends ExportOptions, CsvCellOptions {
  encoding?: CsvEncoding;
  /** Byte order mark for UTF-8 (default true). */
  bom?: boolean;
  /** End the output when done (default true). */
  end?: boolean;
}

/** A field is quoted when it holds a comma, a quote or a line break; quotes are doubled (RFC 4180, as csv-stringify). */
const NEEDS_QUOTES = /[",\r\n]/;
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const UTF8_BOM = '\uFEFF';
/**
 * Characters per write. Each write is a round trip to the file system's thread pool: a 1M-row export
 * written in 16K-character chunks spent about a quarter of its time in `writeBuffer`; 128K chunks (as
 * many rows as one write per 1,000 rows) cut that to a fifth of it. The chunk is one string, a few hundred KB.
 */
const CHUNK_CHARACTERS = 131_072;

/**
 * Writes customers as CSV, streaming with back-pressure: rows are read a page at a time and written in
 * chunks of about 128K characters, so the cost per row is building its line and nothing else. Returns the
 * number of rows.
 */
export async function writeCsv(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: CsvExportOptions = {}): Promise<number> {
  const encoding = options.encoding ?? 'utf8';
  if (!CSV_ENCODINGS.includes(encoding)) {
    throw new ConfigError({ message: `Unknown CSV encoding "${String(encoding)}".`, hint: `Use one of: ${CSV_ENCODINGS.join(', ')}.` });
  }
  const fields = options.fields ?? DEFAULT_EXPORT_FIELDS;
  const encode = encoding === 'utf8' ? (text: string) => text : (text: string) => iconv.encode(text, encoding);
  const bom = encoding === 'utf8' && options.bom !== false ? UTF8_BOM : '';
  const guard = cellGuard(options);
  const [first, ...rest] = cellReaders(fields, options.headers).map((read) => (customer: Customer) => csvField(guard(read(customer))));
  let rows = 0;
  return withOutput(output, async () => {
    await writeChunk(output, encode(`${bom}${fields.map((field) => csvField(headerOf(field, options.headers))).join(',')}\n`));
    let chunk = '';
    for await (const page of pagesOf(customers)) {
      for (const customer of page) {
        let line = first!(customer);
        for (const read of rest) line += `,${read(customer)}`;
        chunk += `${line}\n`;
      }
      rows += page.length;
      if (chunk.length >= CHUNK_CHARACTERS) {
        await writeChunk(output, encode(chunk));
        chunk = '';
      }
      options.onRow?.(rows);
    }
    if (chunk !== '') await writeChunk(output, encode(chunk));
    if (options.end !== false) await endStream(output);
    return rows;
  });
}
