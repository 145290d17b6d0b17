import { type Lang, parseLang } from '@custcode/core/messages';
import { type AuditRule } from '@custcode/audit';
import { type CompiledRule, compileRule, type RuleInput } from '@custcode/rules';
import type { Hono } from 'hono';
import { z } from 'zod';
import { createAuditRunner } from '../audit/run-audit.js';
import { auditBudgetOf } from '../audit/audit-budget.js';
import { BadRequestError } from '../http-error.js';
import { logged } from '../request-access-log.js';
import { noNul } from '../request-query.js';
import type { ServerContext, ServerEnv } from '../server-context.js';

export const auditRequestSchema = z
  .object({
    /** A rule name from the config, a pattern such as KH{YYYY}{seq:4}, or a preset. */
    rule: z.string().min(1).refine(noNul, 'rule must not contain a NUL character').optional(),
    /** Near-duplicate detection (default true). */
    nearDuplicates: z.boolean().optional(),
  })
  .strict();

/** The request's rule as plain segments for the worker (checked here: a bad rule is a 400 before the source is read). */
function ruleSegments(server: ServerContext, rule: string): RuleInput {
  let compiled: AuditRule & Partial<Pick<CompiledRule, 'timeZone'>>;
  try {
    const resolved = server.options.resolveRule ? server.options.resolveRule(rule) : rule;
    compiled = typeof resolved === 'object' && 'validate' in resolved ? resolved : compileRule(resolved as RuleInput);
  } catch (error) {
    throw new BadRequestError({ message: (error as Error).message, hint: 'rule is a rule name from the config, a pattern such as KH{YYYY}{seq:4}, or a preset.', cause: error });
  }
  return { segments: [...compiled.segments], ...(compiled.timeZone === undefined ? {} : { timeZone: compiled.timeZone }) };
}

async function readBody(request: { text: () => Promise<string> }) {
  const text = await request.text();
  let body: unknown = {};
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new BadRequestError({ message: 'The request body is not valid JSON.', hint: 'Send { "rule": "KH{YYYY}{seq:4}" } or nothing.', cause: error });
  }
  const parsed = auditRequestSchema.safeParse(body);
  if (!parsed.success) throw new BadRequestError({ message: `Invalid audit request: ${parsed.error.issues[0]?.message ?? 'bad body'}.`, hint: 'Send { "rule"?: string, "nearDuplicates"?: boolean }.' });
  return parsed.data;
}

/** `?lang=`: a wrong value is the caller's mistake (400), not the server's. */
function langOf(value: string): Lang {
  try {
    return parseLang(value);
  } catch (error) {
    throw new BadRequestError({ message: `Unknown language "${value}".`, hint: 'lang is zh or en.', cause: error });
  }
}

/**
 * `POST /sources/:name/audit` with `{ rule?, nearDuplicates? }`: the audit report as JSON, or HTML with
 * `?format=html` (`&lang=zh|en`, default en). The report is computed on a worker thread within the server's audit budget.
 */
export function registerAuditRoute(app: Hono<ServerEnv>, server: ServerContext): void {
  const runner = createAuditRunner(auditBudgetOf(server.options.auditBudget));
  app.post('/sources/:name/audit', logged(server, 'audit'), async (context) => {
    const { rule, nearDuplicates } = await readBody(context.req);
    const name = context.req.param('name');
    const source = await server.guarded(context, name, 'audit');
    const segments = rule === undefined ? undefined : ruleSegments(server, rule);
    const format = context.req.query('format') === 'html' ? 'html' : 'json';
    const lang = context.req.query('lang');
    const body = await runner.run(source.search(), {
      source: name,
      ...(segments === undefined ? {} : { rule: segments }),
      ...(nearDuplicates === undefined ? {} : { nearDuplicates }),
      format,
      ...(lang === undefined ? {} : { lang: langOf(lang) }),
    });
    return context.body(body as Uint8Array<ArrayBuffer>, 200, { 'content-type': format === 'html' ? 'text/html; charset=UTF-8' : 'application/json; charset=UTF-8' });
  });
}
