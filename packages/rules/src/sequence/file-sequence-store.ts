import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ConfigError } from '@custcode/core';
import type { GapMode } from '../rule-types.js';
import { withFileLock } from './file-lock.js';
import { confirmHold, newCounterState, peekNumbers, releaseHold, reserveNext, takeNext, type CounterState } from './sequence-state.js';
import type { SequenceRange, SequenceStore } from './sequence-store.js';

export interface FileSequenceStoreOptions {
  /** How long to wait for another process's lock (default 10 s). */
  lockTimeoutMs?: number;
  /** A lock file older than this was left by a crashed process (default 30 s). */
  staleLockMs?: number;
}

interface SequenceFile {
  version: 1;
  counters: Record<string, CounterState>;
}

/**
 * Counters in a JSON file (for the CLI). Every change takes `<file>.lock`, reads the file, and writes a
 * temporary file that is renamed over it, so readers never see half a file and processes never race.
 */
export function createFileSequenceStore(path: string, options: FileSequenceStoreOptions = {}): SequenceStore {
  const lockPath = `${path}.lock`;
  const lockOptions = { timeoutMs: options.lockTimeoutMs ?? 10_000, staleMs: options.staleLockMs ?? 30_000 };

  const load = async (): Promise<SequenceFile> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, counters: {} };
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as SequenceFile;
      if (parsed.version !== 1 || typeof parsed.counters !== 'object' || parsed.counters === null) throw new Error('unexpected shape');
      return parsed;
    } catch (error) {
      throw new ConfigError({ message: `The sequence file ${path} is not a custcode sequence file.`, hint: 'Point --store at a new file or a custcode sequence file.', cause: error });
    }
  };

  const save = async (file: SequenceFile) => {
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, 'utf8');
    await rename(temporary, path);
  };

  const update = <T>(key: string, range: SequenceRange | undefined, change: (state: CounterState) => T): Promise<T> =>
    withFileLock(lockPath, async () => {
      const file = await load();
      const state = file.counters[key] ?? newCounterState(range ?? { start: 1, step: 1, max: 0 });
      const result = change(state);
      file.counters[key] = state;
      await save(file);
      return result;
    }, lockOptions);

  return {
    next: (key, range) => update(key, range, (state) => takeNext(state, key, range)),
    reserve: (key, range, leaseMs) => update(key, range, (state) => reserveNext(state, key, range, leaseMs)),
    confirm: (key, token) => update(key, undefined, (state) => confirmHold(state, key, token)),
    release: (key, token) => update(key, undefined, (state) => releaseHold(state, token)),
    peek: async (key, range, count, mode: GapMode) => peekNumbers((await load()).counters[key], key, range, count, mode),
    close: async () => undefined,
  };
}
