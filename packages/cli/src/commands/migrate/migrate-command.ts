import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CustomerSource } from '@custcode/core';
import { IMPORT_LAYOUTS, type ImportLayout, importLayoutForErp, migrateOnDisk, type OnDiskMigrationResult } from '@custcode/migrate';
import { type SequenceStore } from '@custcode/rules';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { type OutputGuard, outputGuard } from '../../output/output-guard.js';
import { createProgress, type Progress, SILENT_PROGRESS } from '../../output/progress.js';
import { reportError } from '../../output/report-error.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { dateFlag } from '../flag-values.js';
import { resolveAuditRule } from '../audit/resolve-audit-rule.js';
import { openSequenceStore } from '../rule/open-sequence-store.js';
import { renderMigrationSummary } from './migrate-console.js';
import {
  DEFAULT_SEQUENCE_FILE, importFiles, outputPaths, ensureDirectory, readDecisions, readStoredCrosswalk, readTranslations, writeCrosswalk, writeImportFiles,
} from './migrate-files.js';

export interface MigrateCommandOptions {
  /** The opened source; read once through `search()`, not closed here. */
  source: CustomerSource;
  sourceName: string;
  /** `--target SOURCE`, opened; read only through `getMany`, not closed here. */
  target?: CustomerSource;
  /** `--rule RULE`: a name from the config's rules, a pattern or a preset. */
  rule: string;
  rules?: Readonly<Record<string, unknown>>;
  keepValid?: boolean;
  /** `--map FILE`: value translations (CSV field,from,to or JSON). */
  map?: string;
  /** `--decisions FILE`: merge / separate / new / keep decisions (CSV old_code,decision,into or JSON). */
  decisions?: string;
  /** `--out DIR`: crosswalk, import files and (by default) the sequence file; or `--out CROSSWALK.csv` (files beside it). */
  out: string;
  layout?: string;
  crosswalk?: string;
  store?: string;
  order?: string;
  date?: string;
  targetOrg?: string;
  dryRun?: boolean;
  /** `--no-escape-formulas`: CSV cells starting with = + - @ written verbatim (crosswalk, import files). */
  escapeFormulas?: boolean;
  json?: boolean;
  /** Working directory for relative paths (default `io.cwd`). */
  cwd?: string;
  /** Checks the output files against what the config reads (default: no config, demo directories only). */
  outputs?: OutputGuard;
  /** Where the scratch database goes (removed when the run ends, however it ends); default the OS temp directory. */
  scratchDirectory?: string;
}

function chooseLayout(options: MigrateCommandOptions): ImportLayout | undefined {
  if (options.layout === undefined) return importLayoutForErp(options.target?.erp);
  if (!(IMPORT_LAYOUTS as readonly string[]).includes(options.layout)) {
    throw new UsageError({ message: `Unknown --layout "${options.layout}".`, hint: `Use one of: ${IMPORT_LAYOUTS.join(', ')}.` });
  }
  return options.layout as ImportLayout;
}

function checkFlags(options: MigrateCommandOptions): { order: 'code' | 'created' } {
  const order = options.order ?? 'code';
  if (order !== 'code' && order !== 'created') throw new UsageError({ message: `Unknown --order "${order}".`, hint: 'Use --order code or --order created.' });
  if (options.date !== undefined) dateFlag('--date', options.date);
  return { order };
}

/**
 * A scratch folder for the run's database, removed by `remove()` on success and error, and on Ctrl-C or a
 * kill (then the process ends as the signal says): a run never leaves a copy of the source behind.
 */
function scratchFolder(parent: string | undefined): { path: string; remove(): void } {
  const path = mkdtempSync(join(parent ?? tmpdir(), 'custcode-migrate-'));
  const stop = () => {
    for (const signal of INTERRUPTS) process.off(signal, interrupted);
  };
  const interrupted = (signal: NodeJS.Signals) => {
    stop();
    rmSync(path, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  for (const signal of INTERRUPTS) process.once(signal, interrupted);
  return {
    path,
    remove() {
      stop();
      rmSync(path, { recursive: true, force: true });
    },
  };
}
const INTERRUPTS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Progress of the two passes on stderr: reading the source (against its count) and deciding the rows read. */
async function migrationProgress(io: CommandIo, options: MigrateCommandOptions) {
  const quiet = options.json === true || !io.stderrIsTTY;
  const total = quiet ? undefined : await options.source.count().catch(() => undefined);
  let phase: 'read' | 'decide' = 'read';
  let read = 0;
  let bar: Progress = quiet ? SILENT_PROGRESS : createProgress(io, total, Date.now, 'read   ');
  return {
    update(step: 'read' | 'decide', rows: number) {
      if (step !== phase) {
        bar.done();
        phase = step;
        bar = quiet ? SILENT_PROGRESS : createProgress(io, read, Date.now, 'decide ');
      }
      if (step === 'read') read = rows;
      bar.update(rows);
    },
    done: () => bar.done(),
  };
}

/**
 * `custcode migrate SOURCE --rule RULE [--target SOURCE] [--keep-valid] [--map FILE] [--decisions FILE] --out DIR`.
 * Exit 0 when every customer has a number and nothing waits for a decision; 1 when conflicts, unmapped values
 * or undecided near-duplicates need one (the files are written all the same); 2 usage or config; 3 backend.
 */
export async function runMigrate(options: MigrateCommandOptions, io: CommandIo): Promise<number> {
  let store: SequenceStore | undefined;
  let result: OnDiskMigrationResult | undefined;
  let scratch: ReturnType<typeof scratchFolder> | undefined;
  try {
    const base = options.cwd ?? io.cwd;
    const { order } = checkFlags(options);
    const rule = resolveAuditRule(options.rule, options.rules);
    if (!rule) throw new UsageError({ message: 'migrate needs --rule RULE.', hint: 'Name a rule from the config or give a pattern such as KH{YYYY}{seq:4}.' });
    const layout = chooseLayout(options);
    const { directory: out, crosswalk: crosswalkPath } = outputPaths(options.out, options.crosswalk, base);
    // Every file the run writes is checked before anything is read.
    const guard = options.outputs ?? outputGuard(undefined, base);
    const crosswalkFile = guard.check(crosswalkPath, options.crosswalk === undefined ? '--out' : '--crosswalk');
    const importTargets = layout === undefined ? undefined : importFiles(out, layout, guard);
    const translate = options.map === undefined ? undefined : readTranslations(resolve(base, options.map));
    const decisions = options.decisions === undefined ? undefined : readDecisions(resolve(base, options.decisions));
    const crosswalk = readStoredCrosswalk(crosswalkFile);
    store = openSequenceStore(options.store === undefined ? resolve(out, DEFAULT_SEQUENCE_FILE) : options.store, { ...io, cwd: base }, guard);
    if (!options.dryRun) ensureDirectory(out);

    const progress = await migrationProgress(io, options);
    scratch = scratchFolder(options.scratchDirectory);
    // The rows live in a scratch database (better-sqlite3, a dependency of the CLI): memory stays bounded at any size.
    result = await migrateOnDisk(options.source, {
      rule,
      store,
      crosswalk,
      order,
      sourceName: options.sourceName,
      onProgress: (phase, rows) => progress.update(phase, rows),
      scratchDirectory: scratch.path,
      ...(options.target ? { target: options.target } : {}),
      ...(options.targetOrg === undefined ? {} : { targetOrg: options.targetOrg }),
      ...(options.keepValid ? { keep: true } : {}),
      ...(translate ? { translate } : {}),
      ...(decisions ? { decisions } : {}),
      ...(options.date === undefined ? {} : { date: options.date }),
      ...(options.dryRun ? { dryRun: true } : {}),
    }).finally(() => progress.done());

    const files: string[] = [];
    if (!options.dryRun) {
      const cells = { escapeFormulas: options.escapeFormulas !== false };
      await writeCrosswalk(crosswalkFile, result.rows, cells);
      files.push(crosswalkFile);
      if (layout && importTargets) files.push(...(await writeImportFiles(importTargets, layout, result.records, cells)).files);
      else io.stderr.write('note: no import layout (the target ERP has none, or no --target): only the crosswalk was written; pass --layout k3cloud|sap|ebs|u8.\n');
    }
    const summary = { ...result.summary, layout: layout ?? null, files };
    await writeChunk(io.stdout, options.json ? `${JSON.stringify(summary, null, 2)}\n` : renderMigrationSummary(result.summary, files));
    return result.summary.needsDecision ? EXIT_CODES.notFound : EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json });
  } finally {
    result?.close();
    scratch?.remove();
    await store?.close().catch(() => undefined);
  }
}
