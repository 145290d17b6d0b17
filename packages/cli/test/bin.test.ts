import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS_CSV, clientsConfig } from './fixtures.js';
import { tempProject } from './test-io.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const notBuilt = existsSync(bin) ? undefined : `spawn tests skipped: ${bin} is missing (run npm run build first)`;
if (notBuilt) console.warn(notBuilt);

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject(clientsConfig());
  project.write('clients.csv', CLIENTS_CSV);
});
afterAll(() => project.cleanup());

function custcode(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: project.directory, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(notBuilt)('the built custcode binary', () => {
  it('is an executable node script', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('prints help with exit 0 and exits 2 on usage errors', () => {
    const help = custcode(['--help']);
    expect(help.exitCode).toBe(0);
    for (const command of ['demo', 'sources', 'get', 'search', 'export']) expect(help.stdout).toContain(command);
    const unknown = custcode(['frobnicate']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it('looks up codes from stdin and exits 1 for the missing one', () => {
    const result = custcode(['get', 'clients', '-', '--json'], 'C003\nNOPE\n');
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject([{ code: 'C003', name: '上海浦东发展有限公司' }]);
    expect(result.stderr).toBe('not found: NOPE\n');
  });

  it('exports without a progress bar when stderr is not a terminal', () => {
    const result = custcode(['export', 'clients', '--out', 'out.xlsx', '--headers', 'zh']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('exported 5 customers to out.xlsx (xlsx)\n');
    expect(readFileSync(join(project.directory, 'out.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses a serial too wide to be a customer number with exit 2, not a V8 crash', () => {
    const result = custcode(['rule', 'validate', 'KH{seq:999999999}', 'KH1']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error: The serial {seq:999999999} has 999999999 digits; a serial has at most 15.\nhint: A customer number has at most 40 characters and a serial at most 15 digits (see "Limits" in the rule language).\n');
  });

  it('prints config errors without a stack trace', () => {
    const result = custcode(['--config', 'missing.json', 'sources']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: No config file at .*missing\.json\.\nhint: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
