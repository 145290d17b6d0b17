import { type Customer } from '@custcode/core';
import { pagesOf } from '@custcode/core/adapter';
import type { EvidenceKind } from '@custcode/match';
import type { Hono } from 'hono';
import { z } from 'zod';
import { auditBudgetOf, DEFAULT_MATCH_BUDGET } from '../audit/audit-budget.js';
import { BadRequestError } from '../http-error.js';
import type { MatchJob } from '../match/match-job.js';
import { logged } from '../request-access-log.js';
import { noNul } from '../request-query.js';
import type { ServerContext, ServerEnv } from '../server-context.js';
import { createWorkerRunner, type SourcePage } from '../worker/run-on-worker.js';

const EVIDENCE_KINDS = ['confirmed', 'same-code', 'uscc', 'org-code', 'phone-name', 'score'] as const satisfies readonly EvidenceKind[];
/** Sources one request may match: more is a batch job for the CLI or the hub. */
export const MAX_MATCH_SOURCES = 10;
export const MAX_MATCH_DECISIONS = 10_000;
export const DEFAULT_REVIEW_LIMIT = 1000;
export const MAX_REVIEW_LIMIT = 10_000;

const text = (what: string, max = 200) => z.string().max(max, `${what} is at most ${max} characters`).refine(noNul, `${what} must not contain a NUL character`);
const sourceName = text('a source name').min(1, 'a source name must not be empty');
const recordRef = z.object({ source: sourceName, code: text('a code'), org: text('an org').default('') }).strict();
const probability = (name: string) => z.number(`${name} must be a number`).min(0, `${name} is a probability from 0 to 1`).max(1, `${name} is a probability from 0 to 1`);

export const matchRequestSchema = z
  .object({
    /** The sources to match (two or more, each once): every one read through the caller's role. */
    sources: z
      .array(sourceName, 'sources must be an array of source names')
      .min(2, 'sources must name at least two sources')
      .max(MAX_MATCH_SOURCES, `sources names at most ${MAX_MATCH_SOURCES} sources`)
      .refine((names) => new Set(names).size === names.length, 'sources names a source twice'),
    /** Evidence kinds to use (default all); without `score` no pair is scored. */
    evidence: z.array(z.enum(EVIDENCE_KINDS, `evidence kinds are ${EVIDENCE_KINDS.join(', ')}`)).max(EVIDENCE_KINDS.length).optional(),
    /** Probability at or above which a scored pair is linked (default 0.95). */
    threshold: probability('threshold').refine((value) => value > 0, 'threshold must be above 0').optional(),
    /** Lowest probability of the review band (default 0.5). */
    reviewFrom: probability('reviewFrom').optional(),
    /** Golden-record survivorship: sources in order of trust (each among `sources`). */
    sourcePriority: z.array(sourceName).max(MAX_MATCH_SOURCES).optional(),
    /** Reviewer decisions: confirmed pairs are linked, rejected pairs never share a cluster. */
    decisions: z.array(z.object({ a: recordRef, b: recordRef, decision: z.enum(['confirm', 'reject'], 'decision is confirm or reject') }).strict()).max(MAX_MATCH_DECISIONS, `at most ${MAX_MATCH_DECISIONS} decisions`).optional(),
    /** The links of an earlier run (globalId per record): their global ids are kept. */
    previous: z.array(recordRef.extend({ globalId: text('a global id', 100).min(1, 'a global id must not be empty') }).strict()).optional(),
    /** Review pairs in the JSON answer, highest probability first (default 1000). */
    reviewLimit: z.number().int('reviewLimit is a whole number').min(0).max(MAX_REVIEW_LIMIT, `reviewLimit is at most ${MAX_REVIEW_LIMIT}`).optional(),
  })
  .strict();

export type MatchRequest = z.infer<typeof matchRequestSchema>;

const BODY_HINT = 'Send { "sources": ["u8", "sap"], "threshold"?: 0.95, "reviewFrom"?: 0.5, "evidence"?: [...], "sourcePriority"?: [...], "decisions"?: [...], "previous"?: [...], "reviewLimit"?: 1000 }.';

async function readBody(request: { text: () => Promise<string> }): Promise<MatchRequest> {
  const body = await request.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new BadRequestError({ message: body.trim() === '' ? 'The match request has no body.' : 'The request body is not valid JSON.', hint: BODY_HINT, cause: error });
  }
  const result = matchRequestSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` (at ${issue.path.join('.')})`;
    throw new BadRequestError({ message: `Invalid match request: ${issue?.message ?? 'bad body'}${where}.`, hint: BODY_HINT });
  }
  const request_ = result.data;
  const threshold = request_.threshold ?? 0.95;
  if (request_.reviewFrom !== undefined && request_.reviewFrom > threshold) {
    throw new BadRequestError({ message: `Invalid match request: reviewFrom ${request_.reviewFrom} is above the threshold ${threshold}.`, hint: 'The review band is [reviewFrom, threshold): for example threshold 0.95 and reviewFrom 0.5.' });
  }
  const unknown = (request_.sourcePriority ?? []).filter((name) => !request_.sources.includes(name));
  if (unknown.length > 0) throw new BadRequestError({ message: `Invalid match request: sourcePriority names ${unknown.join(', ')}, not among the sources.`, hint: `List sources of this request: ${request_.sources.join(', ')}.` });
  return request_;
}

async function* pagesOfSources(streams: ReadonlyArray<AsyncIterable<Customer>>): AsyncGenerator<SourcePage> {
  for (const [source, customers] of streams.entries()) for await (const page of pagesOf(customers)) yield { source, customers: page };
}

const MATCH_WORKER = { script: 'match-worker', entry: new URL('../match/match-worker.ts', import.meta.url), noun: 'match', plural: 'matches', option: 'matchBudget', smaller: 'Match fewer or smaller sources' };

/**
 * `POST /match` with `{ sources, threshold?, reviewFrom?, evidence?, sourcePriority?, decisions?, previous?, reviewLimit? }`:
 * links, golden records and the review list as JSON, or the HTML report with `?format=html`. Every source
 * is read through the caller's role with the `match` command (masked fields are neither evidence nor shown,
 * row filters apply); the match runs on a worker thread within the server's match budget.
 */
export function registerMatchRoute(app: Hono<ServerEnv>, server: ServerContext): void {
  const runner = createWorkerRunner(MATCH_WORKER, auditBudgetOf(server.options.matchBudget, DEFAULT_MATCH_BUDGET, 'matchBudget'));
  app.post('/match', logged(server, 'match'), async (context) => {
    const format = context.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'html') throw new BadRequestError({ message: `Unknown format "${format}".`, hint: 'format is json or html.' });
    const body = await readBody(context.req);
    // Every source is authorised before any is read: one refused source refuses the whole match.
    const sources = [];
    for (const name of body.sources) sources.push(await server.guarded(context, name, 'match'));
    const job: MatchJob = {
      sources: sources.map((source, index) => ({ name: body.sources[index]!, masked: [...source.access.masked] })),
      options: {
        ...(body.threshold === undefined ? {} : { threshold: body.threshold }),
        ...(body.reviewFrom === undefined ? {} : { reviewFrom: body.reviewFrom }),
        ...(body.evidence === undefined ? {} : { evidence: body.evidence }),
        ...(body.sourcePriority === undefined ? {} : { sourcePriority: body.sourcePriority }),
        ...(body.decisions === undefined ? {} : { decisions: body.decisions }),
        ...(body.previous === undefined ? {} : { previous: body.previous }),
      },
      format,
      reviewLimit: body.reviewLimit ?? DEFAULT_REVIEW_LIMIT,
    };
    const answer = await runner.run(pagesOfSources(sources.map((source) => source.search())), job);
    return context.body(answer as Uint8Array<ArrayBuffer>, 200, { 'content-type': format === 'html' ? 'text/html; charset=UTF-8' : 'application/json; charset=UTF-8' });
  });
}
