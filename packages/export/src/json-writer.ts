import type { Customer } from '@custcode/core';
import { type ExportOptions, pickFields } from './export-fields.js';
import { endStream, withOutput, writeChunk } from './write-chunk.js';

export interface JsonExportOptions extends Omit<ExportOptions, 'headers'> {
  /** End the output when done (default true; pass false for stdout). */
  end?: boolean;
}

const project = (customer: Customer, options: JsonExportOptions) =>
  options.fields ? pickFields(customer, options.fields) : customer;

/** Writes a JSON array of customers, one record per line, streaming. Returns the number of rows. */
export async function writeJson(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: JsonExportOptions = {}): Promise<number> {
  return withOutput(output, async () => {
    let rows = 0;
    for await (const customer of customers) {
      await writeChunk(output, `${rows === 0 ? '[\n' : ',\n'}${JSON.stringify(project(customer, options))}`);
      rows += 1;
      options.onRow?.(rows);
    }
    await writeChunk(output, rows === 0 ? '[]\n' : '\n]\n');
    if (options.end !== false) await endStream(output);
    return rows;
  });
}

/** Writes newline-delimited JSON: one customer per line. Returns the number of rows. */
export async function writeNdjson(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: JsonExportOptions = {}): Promise<number> {
  return withOutput(output, async () => {
    let rows = 0;
    for await (const customer of customers) {
      await writeChunk(output, `${JSON.stringify(project(customer, options))}\n`);
      rows += 1;
      options.onRow?.(rows);
    }
    if (options.end !== false) await endStream(output);
    return rows;
  });
}
