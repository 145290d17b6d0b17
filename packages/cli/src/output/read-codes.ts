import { createInterface } from 'node:readline';
import type { CommandIo } from '../command-io.js';
import { UsageError } from './usage-error.js';

/**
 * The codes of a command line: each argument, and for `-` every line of stdin (blank lines skipped;
 * commas and tabs also separate codes). Streams, so any number of codes works.
 */
export async function* readCodes(args: readonly string[], io: CommandIo): AsyncGenerator<string> {
  if (args.length === 0) throw new UsageError({ message: 'No codes given.', hint: 'Pass codes as arguments, or "-" to read them from stdin, one per line.' });
  for (const argument of args) {
    if (argument !== '-') {
      yield argument;
      continue;
    }
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      for (const code of line.replace(/^\uFEFF/, '').split(/[,\t]/)) {
        if (code.trim() !== '') yield code.trim();
      }
    }
  }
}
