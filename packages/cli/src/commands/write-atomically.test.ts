import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { outputGuard } from '../output/output-guard.js';
import { writeAtomically } from './write-atomically.js';

const directory = mkdtempSync(join(tmpdir(), 'custcode-atomic-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const checked = (name: string) => outputGuard(undefined, directory).check(name, 'test');

describe('writeAtomically', () => {
  it('renames the finished file into place', async () => {
    const target = checked('ok.txt');
    await writeAtomically(target, async (output) => {
      output.end('done');
    });
    expect(readFileSync(target, 'utf8')).toBe('done');
    expect(readdirSync(directory)).toEqual(['ok.txt']);
  });

  it('keeps an existing file and leaves no temporary file when the writer fails midway', async () => {
    const target = checked('keep.txt');
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

  it('removes the temporary file on Ctrl-C, then ends the process with the same signal', async () => {
    const target = checked('interrupted.txt');
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const before = process.listenerCount('SIGINT');
    let release: () => void = () => {};
    const writing = writeAtomically(target, async (output) => {
      output.write('some rows');
      await new Promise<void>((resolve) => (release = resolve));
    });
    try {
      while (!readdirSync(directory).some((name) => name.includes('interrupted') && name.endsWith('.tmp'))) await new Promise((resolve) => setTimeout(resolve, 2));
      process.emit('SIGINT', 'SIGINT');
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
      expect(readdirSync(directory).filter((name) => name.includes('interrupted'))).toEqual([]);
      expect(process.listenerCount('SIGINT')).toBe(before);
    } finally {
      kill.mockRestore();
      release();
      await writing.catch(() => undefined);
    }
    expect(existsSync(target)).toBe(false);
  });
});
