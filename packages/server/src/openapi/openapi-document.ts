import { ACCESS_COMMANDS } from '@custcode/access';
import { customerSchema, TEXT_FIELDS } from '@custcode/core';
import { MAX_SORT_KEYS, SORT_FIELDS } from '@custcode/core/adapter';
import { z } from 'zod';
import { auditRequestSchema } from '../routes/audit-route.js';
import { lookupRequestSchema } from '../routes/customer-routes.js';
import { API_EXPORT_FORMATS } from '../routes/export-route.js';
import { matchRequestSchema } from '../routes/match-route.js';
import { distinctValuesSchema } from '../routes/values-route.js';
import { FILTER_PARAMETERS, MAX_PAGE_SIZE } from '../request-query.js';

const errorSchema = z.object({
  error: z.object({
    name: z.string(),
    code: z.string().describe('stable machine-readable code, e.g. NOT_AUTHORIZED, BAD_REQUEST, CUSTOMER_NOT_FOUND'),
    category: z.enum(['usage', 'config', 'not-found', 'connection', 'backend', 'access']),
    message: z.string(),
    hint: z.string().optional(),
    retryable: z.boolean(),
  }),
});
const sourceListSchema = z.object({
  sources: z.array(
    z.object({
      name: z.string(),
      erp: z.string(),
      label: z.string().describe('the ERP product as a person names it, e.g. "Yonyou U8 (Customer)"'),
      commands: z.array(z.enum(ACCESS_COMMANDS)),
    }),
  ),
});
const pageSchema = z.object({
  items: z.array(customerSchema),
  nextCursor: z.string().optional(),
  total: z.number().int().optional(),
  textFields: z.array(z.enum(TEXT_FIELDS)).optional().describe('present when the role masks the name or short name: what `text` matched (also in the Custcode-Text-Fields header)'),
});
const lookupResponseSchema = z.object({ results: z.array(z.object({ code: z.string(), customer: customerSchema.nullable() })) });

/** A component schema: JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the per-document `$schema`. */
const schema = (type: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' });
  return rest;
};
const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const errors = {
  '400': { description: 'Invalid request (also BUDGET_EXCEEDED: more than the server allows one request)', content: json('Error') },
  '401': { description: 'Missing or unknown API key', content: json('Error') },
  '403': { description: 'The role may not do this, or HOST_NOT_ALLOWED (a Host header the server does not answer to)', content: json('Error') },
  '404': { description: 'No such source (or one the caller may not use) or customer', content: json('Error') },
  '500': { description: 'A misconfigured source, or ACCESS_LOG_UNWRITABLE: nothing is served without its access-log entry', content: json('Error') },
  '502': { description: 'The ERP backend failed', content: json('Error') },
  '503': { description: 'Cannot connect to the ERP, or SERVER_BUSY (retryable)', content: json('Error') },
};
const nameParameter = { name: 'name', in: 'path', required: true, schema: { type: 'string' }, description: 'configured source name' };
const filterParameters = FILTER_PARAMETERS.map((name) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string' },
  ...(name === 'status' ? { description: 'active, blocked, deleted (comma-separated for several)' } : {}),
}));

/** The OpenAPI 3.1 document of the API, its schemas generated from the zod schemas the server validates with. */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'custcode API', version, description: 'Customer numbers (客户编号) across ERPs. Read-only. Masking and row filters follow the caller\'s role.' },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key configured under users.NAME.apiKey (sha256 or env).' } },
      schemas: {
        Customer: schema(customerSchema),
        Error: schema(errorSchema),
        SourceList: schema(sourceListSchema),
        CustomerPage: schema(pageSchema),
        LookupRequest: schema(lookupRequestSchema),
        LookupResponse: schema(lookupResponseSchema),
        AuditRequest: schema(auditRequestSchema),
        MatchRequest: schema(matchRequestSchema),
        DistinctValues: schema(distinctValuesSchema),
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/health': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'ok' } } } },
      '/sources': { get: { summary: 'Sources the caller may use (name, ERP, product label), with the granted commands', responses: { '200': { description: 'ok', content: json('SourceList') }, ...errors } } },
      '/sources/{name}': {
        get: {
          summary: 'What a source can do (fields, org scoping, change tracking, limits) and the commands granted on it',
          parameters: [nameParameter],
          responses: { '200': { description: 'ok' }, ...errors },
        },
      },
      '/sources/{name}/customers/{code}': {
        get: {
          summary: 'One customer by code (any usual form)',
          parameters: [nameParameter, { name: 'code', in: 'path', required: true, schema: { type: 'string' } }, { name: 'org', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: json('Customer') }, ...errors },
        },
      },
      '/sources/{name}/record': {
        get: {
          summary: 'The customer stored under exactly this code and org: surrounding spaces, full-width characters and the empty code kept (what a list row links to)',
          parameters: [
            nameParameter,
            { name: 'code', in: 'query', required: true, allowEmptyValue: true, schema: { type: 'string', maxLength: 200 }, description: 'the code as stored (Customer.code); code= for the empty code' },
            { name: 'org', in: 'query', required: false, schema: { type: 'string' }, description: 'without it: the first row of that code in any org' },
            { name: 'occurrence', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 1 }, description: 'which of several rows stored under the same code and org (a file with several empty codes), in search order' },
          ],
          responses: { '200': { description: 'ok', content: json('Customer') }, ...errors },
        },
      },
      '/sources/{name}/values': {
        get: {
          summary: 'The category, region and org values the caller can see (row filters apply), with counts: filter choices. Cached per user for 5 minutes',
          parameters: [nameParameter],
          responses: { '200': { description: 'ok', content: json('DistinctValues') }, ...errors },
        },
      },
      '/sources/{name}/customers:lookup': {
        post: {
          summary: 'Batch lookup; one result per code, in order',
          parameters: [nameParameter],
          requestBody: { required: true, content: json('LookupRequest') },
          responses: { '200': { description: 'ok', content: json('LookupResponse') }, ...errors },
        },
      },
      '/sources/{name}/customers': {
        get: {
          summary: 'Search, ordered by code (or by `sort`), paged with a cursor',
          parameters: [
            nameParameter,
            ...filterParameters,
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 } },
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'nextCursor of the previous page' },
            { name: 'fields', in: 'query', required: false, schema: { type: 'string' }, description: 'comma-separated Customer fields (raw included only when listed); each item carries them and source, erp, code, org' },
            { name: 'count', in: 'query', required: false, schema: { type: 'boolean' }, description: 'also return the total' },
            {
              name: 'sort',
              in: 'query',
              required: false,
              schema: { type: 'string', pattern: `^(relevance|(${SORT_FIELDS.join('|')})(:(asc|desc))?(,(${SORT_FIELDS.join('|')})(:(asc|desc))?){0,${MAX_SORT_KEYS - 1}})$` },
              description:
                'order of the whole result: FIELD[:asc|desc] comma-separated (the source\'s describe().sortFields; absent values last, code then org break ties), or relevance (with text: exact code, code prefix, name prefix, word start, contains). A source that cannot sort answers 400 QUERY_UNSUPPORTED. nextCursor continues the same order.',
            },
          ],
          responses: { '200': { description: 'ok', content: json('CustomerPage') }, ...errors },
        },
      },
      '/sources/{name}/export': {
        get: {
          summary: 'Streamed export of every matching customer',
          parameters: [
            nameParameter,
            ...filterParameters,
            { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: [...API_EXPORT_FORMATS], default: 'csv' } },
            { name: 'fields', in: 'query', required: false, schema: { type: 'string' }, description: 'comma-separated Customer fields; only their columns are read' },
            { name: 'headers', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'zh'] } },
            { name: 'sort', in: 'query', required: false, schema: { type: 'string' }, description: 'row order of the file: FIELD[:asc|desc],… or relevance, as for /customers' },
            { name: 'escapeFormulas', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'], default: 'true' }, description: "CSV: prefix cells a spreadsheet would run as formulas (= + - @ tab CR; not plain numbers or phone numbers) with '; false for programs" },
          ],
          responses: { '200': { description: 'the file, streamed' }, ...errors },
        },
      },
      '/sources/{name}/audit': {
        post: {
          summary: 'Data-quality audit report (JSON, or HTML with ?format=html)',
          parameters: [nameParameter, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'html'] } }, { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh', 'en'] } }],
          requestBody: { required: false, content: json('AuditRequest') },
          responses: { '200': { description: 'the report' }, ...errors },
        },
      },
      '/match': {
        post: {
          summary: 'Cross-source matching: links (global id, score, evidence per record), golden records and the review band as JSON { summary, links, golden, review }, or the HTML report with ?format=html. Every source is read with the match command through the caller\'s role (masked fields are neither evidence nor shown; row filters apply); bounded by the server\'s match budget (records, time, memory; one match at a time, else SERVER_BUSY)',
          parameters: [{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'html'], default: 'json' } }],
          requestBody: { required: true, content: json('MatchRequest') },
          responses: { '200': { description: 'the match result; `review` holds the reviewLimit most probable pairs, `summary.review` counts them all' }, ...errors },
        },
      },
      '/views': { get: { summary: 'Saved views of the config for sources the caller may search', responses: { '200': { description: 'ok' }, ...errors } } },
    },
  };
}
