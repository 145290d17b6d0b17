/** Dates, whole numbers and text lengths at the command line: exit 2 naming the flag, never INTERNAL (exit 3). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILTER_TEXT_LENGTH } from '@custcode/core/adapter';
import { CLIENTS_CSV, clientsConfig } from './fixtures.js';
import { runInProcess, tempProject } from './test-io.js';

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject(clientsConfig({ rules: { c: 'C{YYYY}{MM}{seq:3}' }, accessLog: { path: 'access.jsonl' } }));
  project.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
});
afterAll(() => project.cleanup());
const run = (args: string[]) => runInProcess(args, { cwd: project.directory });

const IMPOSSIBLE: ReadonlyArray<readonly [string, string]> = [
  ['2024-13-01', 'there is no month 13'],
  ['0000-00-00', 'there is no month 00'],
  ['2024-02-30', '2024-02 has no day 30'],
  ['2024-01-01T25:00', '25:00 is not a time of day'],
];

describe('impossible dates', () => {
  it('are refused in every date filter of search, export, report and changes, naming the flag', async () => {
    const commands = [['search', 'clients'], ['export', 'clients', '--out', 'x.csv'], ['report', 'clients', '--template', 'detail', '--out', 'r.html'], ['changes', 'clients', '--save-snapshot', 's.json']];
    for (const flag of ['--created-from', '--created-to', '--updated-since']) {
      for (const [date, problem] of IMPOSSIBLE) {
        for (const command of commands) {
          const result = await run([...command, flag, date]);
          const label = `${command[0]} ${flag} ${date}`;
          expect(result.exitCode, `${label}: ${result.stderr}`).toBe(2);
          expect(result.stderr.startsWith(`error: Invalid ${flag}: "${date}" is not a date: ${problem}`), `${label}: ${result.stderr}`).toBe(true);
          expect(result.stderr, label).toContain('\nhint: Write dates as YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss], e.g. 2024-06-01 or 2024-06-01T08:30.\n');
        }
      }
    }
  });

  it('come back as a typed usage error with --json, not INTERNAL', async () => {
    const result = await run(['search', 'clients', '--created-to', '2024-13-01', '--json']);
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: expect.objectContaining({ code: 'USAGE', category: 'usage', message: 'Invalid --created-to: "2024-13-01" is not a date: there is no month 13.' }) });
  });

  it('are refused in --since of changes and access-log, and in --date of rule generate and migrate', async () => {
    for (const [date, problem] of IMPOSSIBLE) {
      for (const args of [
        ['changes', 'clients', '--since', date],
        ['access-log', '--since', date],
        ['rule', 'generate', 'c', '--count', '1', '--preview', '--date', date],
        ['migrate', 'clients', '--rule', 'c', '--out', 'm', '--dry-run', '--date', date],
      ]) {
        const result = await run(args);
        expect(result.exitCode, `${args.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stderr, args.join(' ')).toMatch(new RegExp(`^error: Invalid (--since|--date): "${date}" is not a date: `));
        expect(result.stderr).toContain(problem);
      }
    }
    // Real dates still work.
    expect((await run(['rule', 'generate', 'c', '--count', '1', '--preview', '--date', '2024-02-29'])).stdout).toBe('C202402001\n');
  });

  it('in a view of the config are refused when the config loads, naming the view', async () => {
    const bad = tempProject(clientsConfig({ views: { broken: { source: 'clients', createdTo: '2024-02-30' } } }));
    try {
      bad.write('clients.csv', CLIENTS_CSV);
      const result = await runInProcess(['search', 'clients', '--view', 'broken'], { cwd: bad.directory });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('views.broken.createdTo: "2024-02-30" is not a date: 2024-02 has no day 30.');
    } finally {
      bad.cleanup();
    }
  });
});

describe('whole-number flags', () => {
  it('take decimal digits only: --limit of search, export and report, --count of rule generate', async () => {
    for (const value of ['1e3', '0x10', '1.5', '-1', '0', ' 5', '', '1_000']) {
      for (const args of [
        ['search', 'clients', '--limit', value],
        ['export', 'clients', '--out', 'x.csv', '--limit', value],
        ['report', 'clients', '--template', 'detail', '--out', 'r.html', '--limit', value],
      ]) {
        const result = await run(args);
        expect(result.exitCode, `${args.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stderr).toContain(`error: --limit must be a whole number 1 or more, not ${JSON.stringify(value)}.`);
      }
      const count = await run(['rule', 'generate', 'c', '--preview', '--count', value]);
      expect(count.exitCode, `--count ${value}`).toBe(2);
      expect(count.stderr).toContain(`error: --count must be a whole number from 1 to 1000000, not ${JSON.stringify(value)}.`);
    }
    expect((await run(['search', 'clients', '--limit', '2', '--json'])).exitCode).toBe(0);
  });
});

describe('long filter text', () => {
  it(`is refused over ${MAX_FILTER_TEXT_LENGTH} characters, naming the flag`, async () => {
    for (const flag of ['--name', '--phone', '--code-prefix', '--region', '--category', '--org']) {
      const result = await run(['search', 'clients', flag, 'x'.repeat(50_000)]);
      expect(result.exitCode, flag).toBe(2);
      expect(result.stderr).toContain(`error: Invalid ${flag}: at most ${MAX_FILTER_TEXT_LENGTH} characters are accepted.`);
    }
    const text = await run(['search', 'clients', '北'.repeat(MAX_FILTER_TEXT_LENGTH + 1)]);
    expect(text.exitCode).toBe(2);
    expect(text.stderr).toContain('error: Invalid search text: at most');
    expect((await run(['search', 'clients', 'x'.repeat(MAX_FILTER_TEXT_LENGTH)])).stderr).toBe('no customers match\n');
  });
});
