import { type Customer } from '@custcode/core';
import { cursorAfter, parseWholeNumber } from '@custcode/core/adapter';
import type { Hono } from 'hono';
import { z } from 'zod';
import { BadRequestError, NotFoundError } from '../http-error.js';
import { logged } from '../request-access-log.js';
import { fieldsParameter, filtersFromParameters, MAX_PAGE_SIZE, maskedTextFields, noNul, pageSize, sortParameter, TEXT_FIELDS_HEADER, validated } from '../request-query.js';
import type { ServerContext, ServerEnv } from '../server-context.js';
import { findStoredRecord } from './stored-record.js';

/** At most this many codes in one batch lookup. */
export const MAX_LOOKUP_CODES = 10_000;

export const lookupRequestSchema = z
  .object({
    codes: z.array(z.string().min(1).refine(noNul, 'a code must not contain a NUL character')).min(1).max(MAX_LOOKUP_CODES),
    org: z.string().refine(noNul, 'org must not contain a NUL character').optional(),
  })
  .strict();

async function readJson(request: { json: () => Promise<unknown> }): Promise<unknown> {
  try {
    return await request.json();
  } catch (error) {
    throw new BadRequestError({ message: 'The request body is not valid JSON.', hint: 'Send Content-Type: application/json with a JSON object.', cause: error });
  }
}

/** Longest `code` the exact-record route accepts: a stored code longer than any ERP column is no code. */
const MAX_STORED_CODE_LENGTH = 200;

/** `GET /customers/:code`, `GET /record` (exact stored key), `POST /customers:lookup`, `GET /customers` (paged). */
export function registerCustomerRoutes(app: Hono<ServerEnv>, server: ServerContext): void {
  app.get('/sources/:name/customers/:code', logged(server, 'get'), async (context) => {
    const source = await server.guarded(context, context.req.param('name'), 'get');
    const org = context.req.query('org');
    const customer = await source.get(context.req.param('code'), org ? { org } : {});
    if (!customer) throw new NotFoundError('CUSTOMER_NOT_FOUND', `No customer "${context.req.param('code')}" in ${source.name}${org ? ` (org ${org})` : ''}.`);
    return context.json(customer);
  });

  // The record stored under exactly this code and org (what a list row links to): `/customers/:code` reads the
  // code as a person types it (trimmed, half-width), and cannot carry the empty code at all.
  app.get('/sources/:name/record', logged(server, 'get'), async (context) => {
    const code = context.req.query('code');
    if (code === undefined) throw new BadRequestError({ message: 'The parameter "code" is missing.', hint: 'Pass the code exactly as stored: /record?code=%20KH20210032&org=… (code= for an empty code).' });
    if (code.length > MAX_STORED_CODE_LENGTH) throw new BadRequestError({ message: `The parameter "code" is ${code.length} characters long; at most ${MAX_STORED_CODE_LENGTH} are accepted.`, hint: 'Pass one stored customer code.' });
    const org = context.req.query('org');
    const occurrenceText = context.req.query('occurrence') || '1';
    const occurrence = parseWholeNumber(occurrenceText);
    if (occurrence === undefined || occurrence < 1 || occurrence > MAX_PAGE_SIZE) throw new BadRequestError({ message: `occurrence must be a whole number from 1 to ${MAX_PAGE_SIZE}, not "${occurrenceText}".`, hint: 'occurrence=2 is the second row stored under the same code and org (a file with several empty codes).' });
    const source = await server.guarded(context, context.req.param('name'), 'get');
    const customer = await findStoredRecord(source, code, org === undefined || org === '' ? undefined : org, occurrence - 1);
    if (!customer) throw new NotFoundError('CUSTOMER_NOT_FOUND', `No customer stored under the code ${JSON.stringify(code)} in ${source.name}${org ? ` (org ${org})` : ''}.`);
    return context.json(customer);
  });

  app.post('/sources/:name/:action{customers:lookup}', logged(server, 'get'), async (context) => {
    const parsed = lookupRequestSchema.safeParse(await readJson(context.req));
    if (!parsed.success) {
      throw new BadRequestError({ message: `Invalid lookup: ${parsed.error.issues[0]?.message ?? 'bad body'}.`, hint: `Send { "codes": ["C001", …] (1 to ${MAX_LOOKUP_CODES}), "org"?: "…" }.` });
    }
    const source = await server.guarded(context, context.req.param('name'), 'get');
    const results: { code: string; customer: Customer | null }[] = [];
    for await (const result of source.getMany(parsed.data.codes, parsed.data.org ? { org: parsed.data.org } : {})) {
      results.push({ code: result.code, customer: result.customer ?? null });
    }
    return context.json({ results });
  });

  app.get('/sources/:name/customers', logged(server, 'search'), async (context) => {
    const parameters = context.req.query();
    const limit = pageSize(parameters.limit);
    const filters = filtersFromParameters(parameters);
    const query = validated({ ...filters, limit, ...(parameters.cursor ? { after: parameters.cursor } : {}), ...fieldsParameter(parameters.fields), ...sortParameter(parameters.sort) });
    const source = await server.guarded(context, context.req.param('name'), 'search');
    const textFields = maskedTextFields(source, query);
    if (textFields) context.header(TEXT_FIELDS_HEADER, textFields.join(','));
    const items: Customer[] = [];
    for await (const customer of source.search(query)) items.push(customer);
    // The position carries how many rows of the last key were passed: a file's several empty codes page on.
    // A sorted or ranked page ends at its last row's sort values or rank tier, ranked as the role's text fields rank it.
    const order = { ...(query.sort ? { sort: query.sort } : {}), ...(query.text === undefined ? {} : { text: query.text }), ...(textFields ? { textFields } : {}) };
    const nextCursor = items.length === limit ? cursorAfter(items, source.describe().codeForm, parameters.cursor || undefined, order) : undefined;
    const total = parameters.count === 'true' || parameters.count === '1' ? await source.count(filters) : undefined;
    return context.json({ items, ...(nextCursor === undefined ? {} : { nextCursor }), ...(total === undefined ? {} : { total }), ...(textFields ? { textFields } : {}) });
  });
}
