import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS_CSV, clientsConfig } from './fixtures.js';
import { runInProcess, tempProject } from './test-io.js';

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject(clientsConfig({ rules: { c3: 'C{seq:3}' } }));
  project.write('clients.csv', CLIENTS_CSV);
});
afterAll(() => project.cleanup());
const run = (args: string[]) => runInProcess(args, { cwd: project.directory });

describe('custcode audit (wiring)', () => {
  it('audits a configured source with a rule from the config and writes the HTML report', async () => {
    const result = await run(['audit', 'clients', '--rule', 'c3', '--json', '--html', 'audit.html']);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout) as { total: number };
    expect(report.total).toBe(5);
    expect(existsSync(join(project.directory, 'audit.html'))).toBe(true);
  });

  it('exits 2 for an unknown source and for a broken rule', async () => {
    const unknown = await run(['audit', 'nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Unknown source "nope"');
    const rule = await run(['audit', 'clients', '--rule', '{bogus']);
    expect(rule.exitCode).toBe(2);
  });
});
