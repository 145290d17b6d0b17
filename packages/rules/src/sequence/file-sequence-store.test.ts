import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileRule } from '../compile-rule.js';
import { createFileSequenceStore } from './file-sequence-store.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'custcode-seq-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('createFileSequenceStore', () => {
  it('keeps counters across store instances (as across CLI runs)', async () => {
    const path = join(directory, 'sequences.json');
    const rule = compileRule('KH{YYYY}{seq:4}');
    expect((await rule.generate({ date: '2026-01-01' }, createFileSequenceStore(path))).code).toBe('KH20260001');
    expect((await rule.generate({ date: '2026-01-01' }, createFileSequenceStore(path))).code).toBe('KH20260002');
    expect(JSON.parse(readFileSync(path, 'utf8')).counters.KH2026.next).toBe(3);
  });

  it('hands out distinct numbers to parallel writers without gaps (no-gap mode)', async () => {
    const path = join(directory, 'sequences.json');
    const rule = compileRule('P{seq:4|mode=no-gap}');
    const worker = async () => {
      const store = createFileSequenceStore(path);
      const codes: string[] = [];
      for (let index = 0; index < 25; index++) {
        const generated = await rule.generate({}, store);
        await generated.confirm();
        codes.push(generated.code);
      }
      return codes;
    };
    const codes = (await Promise.all([worker(), worker(), worker(), worker()])).flat();
    expect(new Set(codes).size).toBe(100);
    expect(codes.map((code) => Number(code.slice(1))).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
  });

  it('removes a stale lock and refuses a foreign file', async () => {
    const path = join(directory, 'sequences.json');
    writeFileSync(`${path}.lock`, '999999\n');
    const stale = createFileSequenceStore(path, { staleLockMs: 0 });
    expect(await stale.next('K', { start: 1, step: 1, max: 9 })).toBe(1);
    writeFileSync(path, '{"not":"ours"}');
    await expect(createFileSequenceStore(path).next('K', { start: 1, step: 1, max: 9 })).rejects.toThrow(/not a custcode sequence file/);
  });

  it('times out on a live lock', async () => {
    const path = join(directory, 'sequences.json');
    writeFileSync(`${path}.lock`, '1\n');
    await expect(createFileSequenceStore(path, { lockTimeoutMs: 30 }).next('K', { start: 1, step: 1, max: 9 })).rejects.toThrow(/locked by another process/);
  });
});
