import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ChangeList, changesSince, diffSnapshot, hasChanges, parseSnapshot, type SnapshotEntry, toSnapshotEntry, viewSnapshot, writeSnapshotEntries } from '@custcode/changes';
import { type Customer } from '@custcode/core';
import { toIsoDateTime } from '@custcode/core/adapter';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { accessOf } from '../../output/access-notes.js';
import { outputGuard } from '../../output/output-guard.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { dateFlag } from '../flag-values.js';
import { type FilterFlags, resolveQuery } from '../query-options.js';
import { type CommonOptions, withSource } from '../with-source.js';
import { writeAtomically } from '../write-atomically.js';
import { terminalLang } from '../../output/output-lang.js';
import { renderChangeList } from './change-output.js';
import { isWebhook, notify } from './notify-target.js';

export interface ChangesCommandOptions extends CommonOptions, FilterFlags {
  source: string;
  since?: string;
  snapshot?: string;
  saveSnapshot?: string;
  out?: string;
  notify?: string;
  secretEnv?: string;
  quiet?: boolean;
}

const localNow = () => {
  const now = new Date();
  return toIsoDateTime(new Date(now.getTime() - now.getTimezoneOffset() * 60_000))!;
};

function checkOptions(options: ChangesCommandOptions): void {
  if (options.since !== undefined && options.snapshot !== undefined) {
    throw new UsageError({ message: '--since and --snapshot cannot be used together.', hint: 'Use --since DATE (timestamps) or --snapshot FILE (a comparison), not both.' });
  }
  if (options.since === undefined && options.snapshot === undefined && options.saveSnapshot === undefined) {
    throw new UsageError({ message: 'Nothing to compare with.', hint: 'Pass --since DATE, or --snapshot FILE (take the first one with --save-snapshot FILE).' });
  }
  if (options.since !== undefined) dateFlag('--since', options.since);
}

/**
 * `custcode changes SOURCE --since DATE | --snapshot FILE [--save-snapshot FILE] [--out FILE] [--notify URL|FILE]`.
 * Made for cron: exit 0 whether or not something changed; with --quiet nothing is printed when nothing did.
 * The new snapshot is saved only after the notification went out, so a failed run reports the same changes next time.
 */
export async function runChanges(io: CommandIo, options: ChangesCommandOptions): Promise<number> {
  return withSource(io, options, async (source, loaded) => {
    checkOptions(options);
    const guard = outputGuard(loaded, io.cwd);
    const outFile = options.out === undefined ? undefined : guard.check(options.out, '--out');
    const snapshotFile = options.saveSnapshot === undefined ? undefined : guard.check(options.saveSnapshot, '--save-snapshot');
    const notifyFile = options.notify === undefined || isWebhook(options.notify) ? undefined : guard.check(options.notify, '--notify');
    const { query } = resolveQuery(loaded, options.source, undefined, options);
    const { limit: _limit, after: _after, ...filter } = query;
    const generatedAt = localNow();
    const current: SnapshotEntry[] = [];
    async function* recorded(): AsyncIterable<Customer> {
      for await (const customer of source.search(filter)) {
        current.push(toSnapshotEntry(customer));
        yield customer;
      }
    }
    let list: ChangeList | undefined;
    if (options.since !== undefined) {
      list = await changesSince(source, options.since, { generatedAt, filter });
    } else if (options.snapshot !== undefined) {
      const file = resolve(io.cwd, options.snapshot);
      const baseline = !existsSync(file) && options.saveSnapshot !== undefined && resolve(io.cwd, options.saveSnapshot) === file;
      if (!baseline) {
        if (!existsSync(file)) throw new UsageError({ message: `Snapshot ${options.snapshot} does not exist.`, hint: 'Take one first: custcode changes SOURCE --save-snapshot FILE.' });
        const snapshot = parseSnapshot(await readFile(file, 'utf8'), options.snapshot);
        // The saved records are compared as the user's role sees them: no other customers, masked values masked.
        const access = accessOf(source);
        const restricted = access !== undefined && (access.rowFilter !== undefined || access.masked.length > 0);
        const seen = restricted ? viewSnapshot(snapshot, access.view, { name: source.name, erp: source.erp }) : snapshot;
        list = await diffSnapshot(seen, recorded(), { source: options.source, erp: source.erp, generatedAt });
      }
    }
    if (list && outFile !== undefined) {
      const changeList = list;
      await writeAtomically(outFile, (output) => writeChunk(output, `${JSON.stringify(changeList, null, 2)}\n`));
    }
    if (list && options.notify !== undefined && hasChanges(list)) await notify(io, loaded, list, { target: notifyFile ? { file: notifyFile } : { webhook: options.notify }, ...(options.secretEnv ? { secretEnv: options.secretEnv } : {}) });
    if (snapshotFile !== undefined) {
      // --since and baseline runs have not read the records yet.
      if (list === undefined || options.since !== undefined) {
        for await (const _customer of recorded()) {
          // Reading fills `current`.
        }
      }
      const count = await writeAtomically(snapshotFile, (output) => writeSnapshotEntries(current, output, { source: options.source, takenAt: generatedAt }));
      if (!options.quiet && !options.json) io.stderr.write(`saved a snapshot of ${count.toLocaleString('en-US')} customer${count === 1 ? '' : 's'} to ${options.saveSnapshot}\n`);
    }
    const silent = options.quiet && (list === undefined || !hasChanges(list));
    if (silent) return EXIT_CODES.ok;
    if (options.json) await writeChunk(io.stdout, `${JSON.stringify(list ?? { baseline: options.saveSnapshot, source: options.source })}\n`);
    else if (list) await writeChunk(io.stdout, renderChangeList(list, terminalLang({ lang: options.lang, env: io.env, configLang: loaded.config.lang })));
    return EXIT_CODES.ok;
  });
}
