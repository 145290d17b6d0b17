import { open, rm, stat } from 'node:fs/promises';
import { ConfigError } from '@custcode/core';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding `<path>` as an exclusive lock file (created with O_EXCL, so it is safe across
 * processes). A lock older than `staleMs` is taken to be left by a crashed process and removed.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: { timeoutMs: number; staleMs: number }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let wait = 2;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockPath).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > options.staleMs) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ConfigError({
          message: `The sequence file is locked by another process (${lockPath}).`,
          hint: 'Wait for the other custcode run to finish; delete the .lock file only if no custcode process is running.',
          retryable: true,
        });
      }
      await sleep(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 50);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}
