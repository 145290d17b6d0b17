import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import type { Customer } from '../customer/customer-schema.js';
import { ConfigError } from '../errors/config-error.js';
import { cellText, DEFAULT_EXPORT_FIELDS, type ExportOptions, headerOf } from './export-fields.js';

/** `utf8` (with a BOM by default, so Excel reads Chinese correctly) or a legacy Chinese code page. */
export type CsvEncoding = 'utf8' | 'gbk' | 'gb18030';
export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf8', 'gbk', 'gb18030'];

export interface CsvExportOptions extends ExportOptions {
  encoding?: CsvEncoding;
  /** Byte order mark for UTF-8 (default true). */
  bom?: boolean;
  /** End the output when done (default true). */
  end?: boolean;
}

/** Writes customers as CSV, streaming with back-pressure. Returns the number of rows. */
export async function writeCsv(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: CsvExportOptions = {}): Promise<number> {
  const encoding = options.encoding ?? 'utf8';
  if (!CSV_ENCODINGS.includes(encoding)) {
    throw new ConfigError({ message: `Unknown CSV encoding "${String(encoding)}".`, hint: `Use one of: ${CSV_ENCODINGS.join(', ')}.` });
  }
  const fields = options.fields ?? DEFAULT_EXPORT_FIELDS;
  let rows = 0;
  async function* records() {
    for await (const customer of customers) {
      yield fields.map((field) => cellText(customer, field));
      rows += 1;
      options.onRow?.(rows);
    }
  }
  const stringifier = stringify({
    header: true,
    columns: fields.map((field) => headerOf(field, options.headers)),
    bom: encoding === 'utf8' && options.bom !== false,
  });
  const end = options.end !== false;
  if (encoding === 'utf8') await pipeline(Readable.from(records()), stringifier, output, { end });
  else await pipeline(Readable.from(records()), stringifier, encoder(encoding), output, { end });
  return rows;
}

/** Re-encodes the stringifier's UTF-8 bytes into a legacy code page (characters split across chunks are kept whole). */
function encoder(encoding: Exclude<CsvEncoding, 'utf8'>): Transform {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, iconv.encode(decoder.write(chunk), encoding));
    },
    flush(callback) {
      const rest = decoder.end();
      callback(null, rest === '' ? undefined : iconv.encode(rest, encoding));
    },
  });
}
