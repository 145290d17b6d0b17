import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputPath } from '../output/output-guard.js';
import { UsageError } from '../output/usage-error.js';

async function open(path: string, target: string): Promise<WriteStream> {
  const output = createWriteStream(path, { flags: 'wx' });
  try {
    await new Promise<void>((resolve, reject) => {
      output.once('open', () => resolve());
      output.once('error', reject);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError({
      message: `Cannot write ${target}: ${code === 'ENOENT' ? 'the directory does not exist' : code === 'EACCES' ? 'permission denied' : (error as Error).message}.`,
      hint: 'Choose an --out path in an existing, writable directory.',
      cause: error,
    });
  }
  return output;
}

/**
 * Runs a writer against a temporary file beside the target and renames it into place on success; on any
 * failure the temporary file is removed, so no partial file ever sits under the target name. The target is
 * an OutputPath: the output guard has made sure it is no file custcode reads.
 */
export async function writeAtomically<T>(target: OutputPath, write: (output: NodeJS.WritableStream) => Promise<T>): Promise<T> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const output = await open(temporary, target);
  let streamError: Error | undefined;
  output.on('error', (error) => {
    streamError ??= error;
  });
  const closed = new Promise<void>((resolve) => output.once('close', () => resolve()));
  // Ctrl-C or a kill while writing: the temporary file goes first, then the process ends as the signal says.
  let interruption: Error | undefined;
  const interrupted = (signal: NodeJS.Signals) => {
    interruption = new Error(`Interrupted by ${signal}.`);
    stopListening();
    output.destroy();
    rmSync(temporary, { force: true });
    process.kill(process.pid, signal);
  };
  const stopListening = () => {
    for (const signal of INTERRUPTS) process.off(signal, interrupted);
  };
  for (const signal of INTERRUPTS) process.once(signal, interrupted);
  try {
    const result = await write(output);
    if (interruption) throw interruption;
    if (!output.writableFinished) await new Promise<void>((resolve) => output.end(() => resolve()));
    await closed;
    if (streamError) throw streamError;
    await rename(temporary, target);
    return result;
  } catch (error) {
    output.destroy();
    await closed;
    await rm(temporary, { force: true });
    throw error;
  } finally {
    stopListening();
  }
}

const INTERRUPTS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
