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
 * Lines are joined into a string of about 16K characters, which is encoded at once, and the encoded pieces
 * are written together once they reach 128 KB. Both sizes were measured on a 1M-row export: writing
 * 16K-character strings spent about a quarter of the time in `writeBuffer` (one round trip to the file
 * system's thread pool per write), while encoding one 128K-character string cost 2–4 times as much as
 * eight 16K ones — the string built by `+=` is flattened before encoding, and past the CPU cache that
 * flattening is what the export spent its time on.
 */
const PIECE_CHARACTERS = 16_384;
const WRITE_BYTES = 131_072;

/**
 * Writes customers as CSV, streaming with back-pressure: rows are read a page at a time and written in
 * pieces (see above), so the cost per row is building its line and nothing else. Returns the number of rows.
 */
export async function writeCsv(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: CsvExportOptions = {}): Promise<number> {
  const encoding = options.encoding ?? 'utf8';
  if (!CSV_ENCODINGS.includes(encoding)) {
    throw new ConfigError({ message: `Unknown CSV encoding "${String(encoding)}".`, hint: `Use one of: ${CSV_ENCODINGS.join(', ')}.` });
  }
  const fields = options.fields ?? DEFAULT_EXPORT_FIELDS;
  const encode = encoding === 'utf8' ? (text: string) => Buffer.from(text, 'utf8') : (text: string) => iconv.encode(text, encoding);
  const bom = encoding === 'utf8' && options.bom !== false ? UTF8_BOM : '';
  const guard = cellGuard(options);
  const [first, ...rest] = cellReaders(fields, options.headers).map((read) => (customer: Customer) => csvField(guard(read(customer))));
  let rows = 0;
  return withOutput(output, async () => {
    await writeChunk(output, encode(`${bom}${fields.map((field) => csvField(headerOf(field, options.headers))).join(',')}\n`));
    const pending = new EncodedPieces(encode);
    let chunk = '';
    for await (const page of pagesOf(customers)) {
      for (const customer of page) {
        let line = first!(customer);
        for (const read of rest) line += `,${read(customer)}`;
        chunk += `${line}\n`;
        if (chunk.length >= PIECE_CHARACTERS) {
          pending.add(chunk);
          chunk = '';
        }
      }
      rows += page.length;
      if (pending.bytes >= WRITE_BYTES) await writeChunk(output, pending.take());
      options.onRow?.(rows);
    }
    pending.add(chunk);
    if (pending.bytes > 0) await writeChunk(output, pending.take());
    if (options.end !== false) await endStream(output);
    return rows;
  });
}

/** Encoded pieces of text waiting to be written as one buffer. */
class EncodedPieces {
  private pieces: Buffer[] = [];
  bytes = 0;
  constructor(private readonly encode: (text: string) => Buffer) {}
  add(text: string): void {
    if (text === '') return;
    const piece = this.encode(text);
    this.pieces.push(piece);
    this.bytes += piece.length;
  }
  take(): Buffer {
    const joined = this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces, this.bytes);
    this.pieces = [];
    this.bytes = 0;
    return joined;
  }
}
