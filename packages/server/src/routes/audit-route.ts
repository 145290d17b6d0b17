import { audit, compileRule, renderAuditHtml } from '@custcode/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import { BadRequestError } from '../http-error.js';
import type { ServerContext, ServerEnv } from '../server-context.js';

export const auditRequestSchema = z
  .object({
    /** A rule name from the config, a pattern such as KH{YYYY}{seq:4}, or a preset. */
    rule: z.string().min(1).optional(),
    /** Near-duplicate detection (default true). */
    nearDuplicates: z.boolean().optional(),
  })
  .strict();

/** The request's rule, compiled; a bad rule is the caller's mistake (400). */
function resolveRule(server: ServerContext, rule: string) {
  try {
    return server.options.resolveRule ? server.options.resolveRule(rule) : compileRule(rule);
  } catch (error) {
    throw new BadRequestError({ message: (error as Error).message, hint: 'rule is a rule name from the config, a pattern such as KH{YYYY}{seq:4}, or a preset.', cause: error });
  }
}

/** `POST /sources/:name/audit` with `{ rule?, nearDuplicates? }`: the audit report as JSON, or HTML with `?format=html`. */
export function registerAuditRoute(app: Hono<ServerEnv>, server: ServerContext): void {
  app.post('/sources/:name/audit', async (context) => {
    const text = await context.req.text();
    let body: unknown = {};
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      throw new BadRequestError({ message: 'The request body is not valid JSON.', hint: 'Send { "rule": "KH{YYYY}{seq:4}" } or nothing.', cause: error });
    }
    const parsed = auditRequestSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestError({ message: `Invalid audit request: ${parsed.error.issues[0]?.message ?? 'bad body'}.`, hint: 'Send { "rule"?: string, "nearDuplicates"?: boolean }.' });
    const name = context.req.param('name');
    const source = await server.guarded(context, name, 'audit');
    const { rule, nearDuplicates } = parsed.data;
    const resolvedRule = rule === undefined ? undefined : resolveRule(server, rule);
    const report = await audit(source.search(), {
      source: name,
      ...(resolvedRule === undefined ? {} : { rule: resolvedRule }),
      ...(nearDuplicates === undefined ? {} : { nearDuplicates }),
    });
    if (context.req.query('format') === 'html') return context.html(renderAuditHtml(report));
    return context.json(report);
  });
}
