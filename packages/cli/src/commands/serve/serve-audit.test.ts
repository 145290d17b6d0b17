import { join } from 'node:path';
import type { AccessLog } from '@custcode/access';
import { createCustcodeApp, type RunningServer, type ServerSourceEntry, startServer } from '@custcode/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, tempProject } from '../../../test/test-io.js';
import { loadConfig } from '../../config/load-config.js';
import { type DemoSourceReport, runDemo } from '../../demo/demo-command.js';
import { openSource } from '../../sources/open-source.js';
import { resolveAuditRule } from '../audit/resolve-audit-rule.js';

let project: ReturnType<typeof tempProject>;
let server: RunningServer;
let largest: DemoSourceReport;
/** Called when the server has read the audited source to its end (the guard's search entry). */
let onSourceRead: () => void = () => undefined;

beforeAll(async () => {
  project = tempProject();
  const demo = captureIo(project.directory);
  expect(await runDemo(demo.io, { dir: 'demo', json: true })).toBe(0);
  const reports = (JSON.parse(demo.stdout()) as { sources: DemoSourceReport[] }).sources;
  largest = reports.filter((report) => report.rows !== undefined).sort((left, right) => right.rows! - left.rows!)[0]!;
  const loaded = await loadConfig(demo.io, join(project.directory, 'demo', 'custcode.config.json'));
  const sources: Record<string, ServerSourceEntry> = Object.fromEntries(
    Object.entries(loaded.config.sources).map(([name, config]) => [name, { erp: config.erp, open: () => openSource(loaded, name, {}, 'unguarded') }]),
  );
  const accessLog: AccessLog = { record: (entry) => (entry.operation === 'search' ? onSourceRead() : undefined) };
  const app = createCustcodeApp({ sources, accessLog, resolveRule: (rule) => resolveAuditRule(rule, loaded.config.rules ?? {}), console: false });
  server = await startServer(app, { port: 0, host: '127.0.0.1' });
}, 300_000);
afterAll(async () => {
  await server?.close();
  project?.cleanup();
});

describe('custcode serve during an audit', () => {
  it('answers /health while the audit of the demo\'s largest source is being computed', async () => {
    const answered: string[] = [];
    let health: Promise<number> | undefined;
    // Once every row is read, all that is left is computing the report: /health is asked for now.
    onSourceRead = () => {
      health ??= fetch(`${server.url}/health`).then((response) => (answered.push('health'), response.status));
    };
    const audit = await fetch(`${server.url}/sources/${largest.source}/audit`, { method: 'POST', body: JSON.stringify({ rule: 'kh' }) });
    answered.push('audit');
    expect(audit.status).toBe(200);
    expect(((await audit.json()) as { total: number }).total).toBe(largest.rows);
    expect(await health).toBe(200);
    expect(answered).toEqual(['health', 'audit']);
  });
});
