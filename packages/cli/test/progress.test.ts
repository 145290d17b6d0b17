import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo/demo-command.js';
import { captureIo, runInProcess } from './test-io.js';

/** Long commands draw a progress line on stderr when it is a terminal (a fake one here), and stay silent with --json or no terminal. */
describe('progress on stderr', () => {
  let directory: string;
  let u8Rows: number;
  let k3Rows: number;
  const count = (file: string, table: string) => {
    const database = new Database(join(directory, file), { readonly: true });
    try {
      return database.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    } finally {
      database.close();
    }
  };
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-progress-'));
    expect(await runDemo(captureIo(directory).io, { dir: '.', count: 200, json: true })).toBe(0);
    u8Rows = count('u8.sqlite', 'Customer');
    k3Rows = count('k3cloud.sqlite', 'T_BD_CUSTOMER');
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** The last state of each redrawn line: what a terminal shows once the command ends. */
  const shownLines = (stderr: string) => stderr.split('\n').map((line) => line.split('\r').pop()!.replace(/\x1b\[K/g, '')).filter((line) => line !== '');
  const run = (args: string[], tty: boolean) => runInProcess(args, { cwd: directory, tty });

  const commands: Array<[string, string[], () => number]> = [
    ['audit', ['audit', 'u8'], () => u8Rows],
    ['migrate', ['migrate', 'u8', '--rule', 'kh', '--target', 'k3', '--out', 'migrated'], () => u8Rows],
    ['report', ['report', 'u8', '--template', 'summary', '--out', 'report.html'], () => u8Rows],
    ['match', ['match', 'u8', 'k3', '--out', 'matched'], () => u8Rows + k3Rows],
  ];

  it.each(commands)('%s: rows done of the total, rate and ETA on a terminal; nothing with --json or without one', async (_name, args, total) => {
    const shown = await run(args, true);
    expect(shown.exitCode).toBeLessThanOrEqual(1);
    const lines = shownLines(shown.stderr).filter((line) => line.includes('rows/s'));
    const size = total().toLocaleString('en-US');
    expect(lines[0]).toMatch(new RegExp(`100% ${size}/${size} rows {2}[\\d,]+ rows/s ETA 0:00$`));
    if (args[0] === 'migrate') expect(lines.map((line) => line.slice(0, 7))).toEqual(['read   ', 'decide ']);
    else expect(lines).toHaveLength(1);

    for (const quiet of [await run([...args, '--json'], true), await run(args, false)]) {
      expect(quiet.exitCode).toBe(shown.exitCode);
      expect(quiet.stderr).not.toContain('rows/s');
      expect(quiet.stderr).not.toContain('\r');
    }
  });
});
