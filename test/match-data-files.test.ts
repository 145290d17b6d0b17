import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { generateMatchData } from '../bench/lib/match-data.mjs';
import { readMatchData, writeMatchData } from '../bench/lib/match-files.mjs';

/** The bench's cached matching data: written as streams, read back as streams, equal to the in-memory generator's. */
describe('match data files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custcode-match-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the same customers and truth as generateMatchData for the same seed', async () => {
    const expected = generateMatchData({ perSource: 400, seed: 5 });
    const written = await writeMatchData({ perSource: 400, seed: 5, dir: join(dir, 'set') });
    const { sources, truth } = readMatchData(written);
    for (const [index, source] of sources.entries()) {
      const customers: Customer[] = [];
      for await (const customer of source.customers) customers.push(customer);
      expect(source.name).toBe(expected.sources[index]!.name);
      expect(customers).toEqual(expected.sources[index]!.customers);
    }
    for (const [key, company] of expected.truth) expect(truth.get(key)).toBe(company);
    expect(truth.get('erp1:ERP100000401')).toBeUndefined();
    expect([...truth.values()].sort((a, b) => a - b)).toEqual([...expected.truth.values()].sort((a, b) => a - b));
    expect(readFileSync(join(written, 'truth.csv'), 'utf8').split('\n')[1]).toMatch(/^erp1,ERP100000001,\d+$/);
  });

  it('reuses a complete set instead of writing it again', async () => {
    const first = await writeMatchData({ perSource: 50, seed: 5, dir: join(dir, 'again') });
    const before = readFileSync(join(first, 'erp1.jsonl'), 'utf8');
    expect(await writeMatchData({ perSource: 50, seed: 6, dir: join(dir, 'again') })).toBe(first);
    expect(readFileSync(join(first, 'erp1.jsonl'), 'utf8')).toBe(before);
  });
});
