import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveRule, runRuleExplain, runRuleGenerate, runRuleValidate } from './index.js';
import { captureIo } from '../../../test/test-io.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'custcode-rule-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('runRuleValidate', () => {
  it('exits 0 when all codes are valid and prints an aligned table', async () => {
    const { io, stdout, stderr } = captureIo(directory);
    expect(await runRuleValidate({ rule: 'KH{YYYY}{seq:4}', codes: ['KH20260001', 'KH20260002'] }, io)).toBe(0);
    expect(stdout()).toBe(['CODE        RESULT  PROBLEMS', '----------  ------  --------', 'KH20260001  valid', 'KH20260002  valid', ''].join('\n'));
    expect(stderr()).toBe('2 of 2 valid for KH{YYYY}{seq:4}\n');
  });

  it('exits 1 when any code is invalid; --json lists every error with kind and position', async () => {
    const { io, stdout } = captureIo(directory);
    async function* codes() {
      yield '91110000600037341L';
      yield '91110000600037341N';
    }
    expect(await runRuleValidate({ rule: 'uscc', codes: codes(), json: true }, io)).toBe(1);
    expect(JSON.parse(stdout())).toEqual([
      { code: '91110000600037341L', valid: true, errors: [] },
      { code: '91110000600037341N', valid: false, errors: [{ kind: 'check', message: 'The check character is "N"; uscc gives "L".', position: 17 }] },
    ]);
  });

  it('prints an empty JSON array for no codes, and exits 2 with the syntax error for a bad rule', async () => {
    const empty = captureIo(directory);
    expect(await runRuleValidate({ rule: 'KH{seq:4}', codes: [], json: true }, empty.io)).toBe(0);
    expect(JSON.parse(empty.stdout())).toEqual([]);
    const bad = captureIo(directory);
    expect(await runRuleValidate({ rule: 'KH{seq:4', codes: ['KH0001'] }, bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/^error: Rule syntax error at position 8 of "KH\{seq:4": expected "}"/);
  });
});

describe('runRuleGenerate', () => {
  it('keeps counters in a JSON file across runs (--json prints an array of strings)', async () => {
    const options = { rule: 'KH{YYYY}{category:2}{seq:3}', count: 2, category: '01', date: '2026-03-05', store: 'seq.json', json: true };
    const first = captureIo(directory);
    expect(await runRuleGenerate(options, first.io)).toBe(0);
    expect(JSON.parse(first.stdout())).toEqual(['KH202601001', 'KH202601002']);
    const second = captureIo(directory);
    expect(await runRuleGenerate({ ...options, json: false }, second.io)).toBe(0);
    expect(second.stdout()).toBe('KH202601003\nKH202601004\n');
    expect(JSON.parse(readFileSync(join(directory, 'seq.json'), 'utf8')).counters.KH202601.next).toBe(5);
  });

  it('previews without consuming', async () => {
    const options = { rule: 'P{seq:2}', count: 2, store: 'seq.json', json: true };
    const preview = captureIo(directory);
    expect(await runRuleGenerate({ ...options, preview: true }, preview.io)).toBe(0);
    expect(JSON.parse(preview.stdout())).toEqual(['P01', 'P02']);
    const real = captureIo(directory);
    await runRuleGenerate({ ...options, count: 1 }, real.io);
    expect(JSON.parse(real.stdout())).toEqual(['P01']);
  });

  it('notes when no store is given, and fails on overflow with exit 2', async () => {
    const { io, stdout, stderr } = captureIo(directory);
    expect(await runRuleGenerate({ rule: 'O{seq:1}', count: 10 }, io)).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(/note: no --store given/);
    expect(stderr()).toMatch(/error: The serial counter "O" is exhausted: the next number 10 is above the maximum 9\./);
  });

  it('reports bad arguments as JSON errors with --json', async () => {
    const { io, stdout } = captureIo(directory);
    expect(await runRuleGenerate({ rule: '{region:2}{seq:2}', count: 1, json: true, store: 'seq.json' }, io)).toBe(2);
    expect(JSON.parse(stdout())).toMatchObject({ error: { code: 'CONFIG_INVALID', message: expect.stringMatching(/region/) } });
    const count = captureIo(directory);
    expect(await runRuleGenerate({ rule: 'P{seq:2}', count: 0 }, count.io)).toBe(2);
    expect(count.stderr()).toMatch(/--count must be a whole number/);
  });
});

describe('runRuleExplain', () => {
  it('prints the pattern, English and Chinese', async () => {
    const { io, stdout } = captureIo(directory);
    expect(await runRuleExplain({ rule: 'erpnext:CUST-.YYYY.-.####' }, io)).toBe(0);
    expect(stdout()).toMatch(/^CUST-\{YYYY\}-\{seq:4\}\n\n14 characters: the text "CUST-"; then the 4-digit year;[^\n]*\n\n共 14 位：固定文字“CUST-”/);
  });

  it('--json gives the pattern, segments and both texts', async () => {
    const { io, stdout } = captureIo(directory);
    expect(await runRuleExplain({ rule: 'grades:2-3', json: true }, io)).toBe(0);
    expect(JSON.parse(stdout())).toMatchObject({ pattern: 'grades:2-3', segments: [{ type: 'grades', levels: [2, 3] }], minLength: 2, maxLength: 5, mode: 'fast' });
  });
});

describe('resolveRule', () => {
  it('resolves config names, passes patterns and presets through, and rejects unknown bare names', () => {
    expect(resolveRule('kh', { kh: 'KH{YYYY}{seq:4}' })).toBe('KH{YYYY}{seq:4}');
    expect(resolveRule('KH{seq:3}', { kh: 'x' })).toBe('KH{seq:3}');
    expect(resolveRule('uscc')).toBe('uscc');
    expect(() => resolveRule('hk', { kh: 'KH{YYYY}{seq:4}' })).toThrow(/Unknown rule "hk".*\(kh\)/);
  });
});
