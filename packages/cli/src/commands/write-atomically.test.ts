import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomically } from './write-atomically.js';

const directory = mkdtempSync(join(tmpdir(), 'custcode-atomic-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('writeAtomically', () => {
  it('renames the finished file into place', async () => {
    const target = join(directory, 'ok.txt');
    await writeAtomically(target, async (output) => {
      output.end('done');
    });
    expect(readFileSync(target, 'utf8')).toBe('done');
    expect(readdirSync(directory)).toEqual(['ok.txt']);
  });

  it('keeps an existing file and leaves no temporary file when the writer fails midway', async () => {
    const target = join(directory, 'keep.txt');
    writeFileSync(target, 'previous export');
    await expect(
      writeAtomically(target, async (output) => {
        output.write('half of the rows');
        throw new Error('connection lost');
      }),
    ).rejects.toThrow('connection lost');
    expect(readFileSync(target, 'utf8')).toBe('previous export');
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(directory, 'never.txt'))).toBe(false);
  });
});
