import { compileRule, type RuleContext } from '@custcode/rules';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { type OutputGuard, outputGuard } from '../../output/output-guard.js';
import { reportError } from '../../output/report-error.js';
import { escapeControls } from '../../output/terminal-text.js';
import { writeChunk } from '../../output/write-chunk.js';
import { dateFlag, wholeNumberFlag } from '../flag-values.js';
import type { CommonOptions } from '../with-source.js';
import { openSequenceStore } from './open-sequence-store.js';

/** The options of `custcode rule generate` (the CLI's flags as parsed by commander, or a caller's own). */
export interface RuleGenerateOptions extends CommonOptions {
  rule: string;
  /** `--count N`, as typed or as a number; checked here, 1 to MAX_COUNT. */
  count: string | number;
  category?: string;
  region?: string;
  org?: string;
  /** Creation date for date parts (`2026-03-05`); default today in the rule's time zone. */
  date?: string;
  /** Where counters live: a JSON file or a mysql://, postgres://, sqlite: URL. */
  store?: string;
  /** Show the next codes without consuming them. */
  preview?: boolean;
  /** Checks a `--store` file against what the config reads (default: no config, demo directories only). */
  outputs?: OutputGuard;
}

export const MAX_COUNT = 1_000_000;

/**
 * `custcode rule generate RULE --count N`: prints N new codes (one a line, or a JSON array of strings).
 * In no-gap mode each number is confirmed as soon as it is printed.
 */
export async function runRuleGenerate(options: RuleGenerateOptions, io: CommandIo): Promise<number> {
  let store: ReturnType<typeof openSequenceStore> | undefined;
  try {
    const count = wholeNumberFlag('--count', String(options.count), { min: 1, max: MAX_COUNT, example: '10' });
    if (options.date !== undefined) dateFlag('--date', options.date);
    const rule = compileRule(options.rule);
    const context: RuleContext = {
      ...(options.category === undefined ? {} : { category: options.category }),
      ...(options.region === undefined ? {} : { region: options.region }),
      ...(options.org === undefined ? {} : { org: options.org }),
      ...(options.date === undefined ? {} : { date: options.date }),
    };
    store = openSequenceStore(options.store, io, options.outputs ?? outputGuard(undefined, io.cwd));
    let codes: string[];
    if (options.preview) {
      codes = await rule.preview(context, store, count);
    } else {
      codes = [];
      for (let index = 0; index < count; index++) {
        const generated = await rule.generate(context, store);
        await generated.confirm();
        codes.push(generated.code);
      }
    }
    await writeChunk(io.stdout, options.json ? `${JSON.stringify(codes)}\n` : codes.map((code) => `${escapeControls(code)}\n`).join(''));
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json ?? false });
  } finally {
    await store?.close().catch(() => undefined);
  }
}
