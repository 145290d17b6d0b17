/**
 * Runs the example as a user would (`node examples/integration-lookup/lookup.mjs DEMO_DIR`, built packages)
 * against a demo made by the built CLI, and checks what it prints against the U8 table read directly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedOutput, outputMismatch } from '../documented-output.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const script = join(import.meta.dirname, 'lookup.mjs');
const notBuilt = existsSync(bin) ? undefined : `${bin} is missing: run \`npm run build\` first (npm test does); the integration-lookup example is skipped.`;
if (notBuilt) console.warn(notBuilt);

describe.skipIf(notBuilt)('examples/integration-lookup', () => {
  let demoDir: string;
  let output: string;
  let stored: Array<{ code: string; name: string; ended: string | null }>;

  beforeAll(() => {
    demoDir = mkdtempSync(join(tmpdir(), 'custcode-example-lookup-'));
    execFileSync(process.execPath, [bin, 'demo', '--dir', demoDir, '--json'], { cwd: root, encoding: 'utf8' });
    output = execFileSync(process.execPath, [script, demoDir], { cwd: root, encoding: 'utf8' });
    const database = new Database(join(demoDir, 'u8.sqlite'), { readonly: true });
    stored = database.prepare('SELECT cCusCode AS code, cCusName AS name, dEndDate AS ended FROM Customer').all() as typeof stored;
    database.close();
  });
  afterAll(() => {
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  const line = (label: string) => output.split('\n').filter((text) => text.startsWith(`[${label}]`));

  it('prints what README.md shows', () => {
    expect(outputMismatch(documentedOutput(join(import.meta.dirname, 'README.md')), output, { '/tmp/custcode-demo': demoDir })).toBeUndefined();
  });

  it('opens U8 on an existing connection', () => {
    expect(line('open')[0]).toContain('u8 (yonyou-u8) on an existing better-sqlite3 connection');
  });

  it('finds the first active KH2015 customer in every typed form, Chinese name intact', () => {
    const known = stored
      .filter((row) => row.code.startsWith('KH2015') && row.ended === null)
      .sort((left, right) => (left.code < right.code ? -1 : 1))[0]!;
    const found = line('get').filter((text) => text.includes(`→ ${known.code} ${known.name} (active)`));
    expect(found).toHaveLength(4);
    expect(found.some((text) => text.includes('"ＫＨ２０１５'))).toBe(true);
    expect(line('get').at(-1)).toContain(`"${known.code}X" → undefined (not found)`);
  });

  it('counts found and missing codes of the 100,000-code list', () => {
    const listed = /^KH20(1[5-9]|2[0-4])\d{4}$/;
    const found = new Set(stored.map((row) => row.code).filter((code) => listed.test(code))).size;
    expect(line('getMany')[0]).toMatch(new RegExp(`100000 codes from .*codes\\.txt: found ${found}, missing ${100000 - found} in \\d+ ms`));
    expect(found).toBeGreaterThan(1000);
  });

  it('resumes the stream from the cursor without losing or repeating a record, records checked against the schema', () => {
    const [interrupted, resumed] = line('search');
    expect(interrupted).toMatch(/streamed 500, interrupted; saved cursor "[^"]+"/);
    const more = stored.length - 500;
    expect(resumed).toMatch(new RegExp(`resumed after the cursor: ${more} more in \\d+ ms; total ${stored.length} of count\\(\\) ${stored.length}, duplicates 0`));
    // The demo plants customers without a code (for `custcode audit`); they are valid records with code ''.
    const empty = stored.filter((row) => row.code === '');
    expect(empty.length).toBeGreaterThan(0);
    const schemaLines = line('schema');
    expect(schemaLines[0]).toContain(`${stored.length} of ${stored.length} records valid against customerSchema`);
    expect(schemaLines.at(-1)).toContain('rejected: yes, at status');
  });

  it('handles a missing database and a bad URL by error code', () => {
    const [missing, badUrl] = line('error');
    expect(missing).toContain('missing file: CONNECTION_FAILED (unknown-database, retryable true)');
    expect(badUrl).toContain('bad URL: CONFIG_INVALID');
  });

  it('refuses to run without a demo directory', () => {
    let status: number | undefined;
    try {
      execFileSync(process.execPath, [script, join(demoDir, 'absent')], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status?: number }).status;
    }
    expect(status).toBe(2);
  });
});
