import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import type { CommandIo } from '../src/command-io.js';
import { runDemo, type DemoSourceReport } from '../src/demo/demo-command.js';
import { runInProcess, tempProject } from './test-io.js';

let project: ReturnType<typeof tempProject>;
let reports: DemoSourceReport[];
let tour = '';

beforeAll(async () => {
  project = tempProject();
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const io: CommandIo = { stdout, stderr: new PassThrough(), stdin: Readable.from([]), stderrIsTTY: false, env: {}, cwd: project.directory };
  expect(await runDemo(io, { dir: 'demo', json: true, count: 300 })).toBe(0);
  reports = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { sources: DemoSourceReport[] }).sources;
  const human = new PassThrough();
  const humanChunks: Buffer[] = [];
  human.on('data', (chunk: Buffer) => humanChunks.push(chunk));
  expect(await runDemo({ ...io, stdout: human }, { dir: 'demo', count: 300 })).toBe(0);
  tour = Buffer.concat(humanChunks).toString('utf8');
});
afterAll(() => project.cleanup());

const demoDirectory = () => join(project.directory, 'demo');

describe('custcode demo', () => {
  it('creates a database or data file per ERP, a CSV and a config, and prints a tour', () => {
    const seeded = reports.filter((report) => report.skipped === undefined);
    for (const report of reports) if (report.skipped !== undefined) console.warn(`demo skipped ${report.source}: ${report.skipped}`);
    expect(seeded.map((report) => report.source)).toContain('clients');
    for (const report of seeded) expect(existsSync(join(demoDirectory(), report.file!))).toBe(true);
    expect(existsSync(join(demoDirectory(), 'custcode.config.json'))).toBe(true);
    expect(tour).toContain('npx custcode sources --check');
    expect(tour).toContain(`npx custcode get ${seeded[0]!.source}`);
  });

  it('gives sources that the CLI can open and query', async () => {
    const check = await runInProcess(['sources', '--check', '--json'], { cwd: demoDirectory() });
    const results = JSON.parse(check.stdout) as Array<{ name: string; ok: boolean; error?: { message: string } }>;
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(check.exitCode).toBe(0);
    for (const report of reports.filter((entry) => entry.sampleCode !== undefined)) {
      const get = await runInProcess(['get', report.source, report.sampleCode!, '--json'], { cwd: demoDirectory() });
      expect({ source: report.source, exitCode: get.exitCode, stderr: get.stderr }).toEqual({ source: report.source, exitCode: 0, stderr: '' });
      expect((JSON.parse(get.stdout) as Customer[])[0]!.code).toBe(report.sampleCode);
    }
  });

  it('writes views and a code rule that the commands accept', async () => {
    const config = JSON.parse(readFileSync(join(demoDirectory(), 'custcode.config.json'), 'utf8')) as { rules: Record<string, string>; views: Record<string, { source: string }> };
    expect(config.rules.kh).toMatch(/\{seq:\d\}/);
    const [viewName, view] = Object.entries(config.views).find(([name]) => name.endsWith('-blocked'))!;
    const exported = await runInProcess(['export', view.source, '--view', viewName, '--out', 'blocked.ndjson'], { cwd: demoDirectory() });
    expect(exported.exitCode).toBe(0);
    const lines = readFileSync(join(demoDirectory(), 'blocked.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(Object.keys(line).every((key) => ['code', 'name', 'status', 'updatedAt'].includes(key))).toBe(true);
      expect(line.status).toBe('blocked');
    }
  });
});
