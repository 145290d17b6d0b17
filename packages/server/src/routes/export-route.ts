import { PassThrough, Readable } from 'node:stream';
import { type Customer } from '@custcode/core';
import { type CsvEncoding, CSV_ENCODINGS, type ExportField, exportProjection, parseExportFields, type ExportFormat, writeExport } from '@custcode/export';
import { type PagedCustomers, pagedStream, pagesOf } from '@custcode/core/adapter';
import type { Hono } from 'hono';
import { BadRequestError } from '../http-error.js';
import { logged } from '../request-access-log.js';
import { filtersFromParameters, maskedTextFields, pageSize, sortParameter, TEXT_FIELDS_HEADER, validated } from '../request-query.js';
import type { ServerContext, ServerEnv, ServerRequestContext } from '../server-context.js';

/** The formats the API streams (PDF is the CLI's: it is laid out in pages, not streamed). */
export const API_EXPORT_FORMATS = ['csv', 'xlsx', 'ndjson', 'json'] as const satisfies readonly ExportFormat[];
type ApiExportFormat = (typeof API_EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ApiExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

interface WriterOptions {
  fields: ExportField[] | undefined;
  headers: 'en' | 'zh';
  encoding: CsvEncoding;
  escapeFormulas: boolean;
}

function write(format: ApiExportFormat, customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: WriterOptions): Promise<number> {
  const { fields, ...rest } = options;
  return writeExport(format, customers, output, { ...rest, ...(fields ? { fields } : {}) });
}

function option<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BadRequestError({ message: `Unknown ${name} "${value}".`, hint: `${name} is one of: ${allowed.join(', ')}.` });
}

/**
 * Reads the first page before answering, so that a denial or a broken connection is a proper error
 * status; then streams the rest page by page with backpressure (the writer waits while the client is slow).
 */
async function primed(customers: AsyncIterable<Customer>): Promise<PagedCustomers> {
  const pages = pagesOf(customers)[Symbol.asyncIterator]();
  const first = await pages.next();
  return pagedStream(async function* () {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await pages.next(); !next.done; next = await pages.next()) yield next.value;
    } finally {
      await pages.return?.(undefined);
    }
  });
}

/**
 * Ends a response whose body failed half-way so that the client sees a broken transfer, not a short file
 * that looks complete: under Node the connection is dropped (quietly: the access log has the error);
 * elsewhere the body stream errors.
 */
function breakResponse(context: ServerRequestContext, output: PassThrough, error: unknown): void {
  const outgoing = (context.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
  if (outgoing) outgoing.destroy();
  else output.destroy(error instanceof Error ? error : new Error(String(error)));
}

/**
 * `GET /sources/:name/export?format=csv|xlsx|ndjson|json&fields=…&headers=en|zh&escapeFormulas=true|false&…filters`: streamed. A client
 * that goes away stops the export: the writer fails on the closed stream, the source stops reading (its
 * connection released), and the search entry of the access log says `aborted` with the rows handed over.
 */
export function registerExportRoute(app: Hono<ServerEnv>, server: ServerContext): void {
  app.get('/sources/:name/export', logged(server, 'export'), async (context) => {
    const parameters = context.req.query();
    const format = option(parameters.format, API_EXPORT_FORMATS, 'csv', 'format');
    const headers = option(parameters.headers, ['en', 'zh'] as const, 'en', 'headers');
    const encoding = option(parameters.encoding, CSV_ENCODINGS, 'utf8', 'encoding');
    // CSV cells a spreadsheet would run as formulas are escaped unless a program asks for them verbatim.
    const escapeFormulas = option(parameters.escapeFormulas, ['true', 'false'] as const, 'true', 'escapeFormulas') === 'true';
    let fields: ExportField[] | undefined;
    try {
      fields = parameters.fields ? parseExportFields(parameters.fields) : undefined;
    } catch (error) {
      throw new BadRequestError({ message: (error as Error).message, cause: error });
    }
    const filters = filtersFromParameters(parameters);
    // The grid's order (a column sort, or relevance while searching) is the file's order too.
    const query = validated({ ...filters, ...(parameters.limit ? { limit: pageSize(parameters.limit, 1, Number.MAX_SAFE_INTEGER) } : {}), ...sortParameter(parameters.sort) });
    const source = await server.guarded(context, context.req.param('name'), 'export');
    const customers = await primed(source.search({ ...query, ...exportProjection(format, fields) }));
    const output = new PassThrough();
    write(format, customers, output, { fields, headers, encoding, escapeFormulas }).catch((error: unknown) => breakResponse(context, output, error));
    // The search entry, written when the stream ends, closes this request in the access log.
    context.set('streamed', true);
    const filename = `${source.name}.${format}`;
    const textFields = maskedTextFields(source, query);
    return new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: { 'content-type': CONTENT_TYPES[format], 'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`, 'cache-control': 'no-store', ...(textFields ? { [TEXT_FIELDS_HEADER]: textFields.join(',') } : {}) },
    });
  });
}
