import { audit, buildFixPlan, fixPlanCsv, renderAuditHtml } from '@custcode/audit';
import { type Lang, translate } from '@custcode/core/messages';
import { type CustomerSource } from '@custcode/core';
import { type SequenceStore } from '@custcode/rules';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { type OutputGuard, outputGuard } from '../../output/output-guard.js';
import { commandProgress } from '../../output/progress.js';
import { reportError } from '../../output/report-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { writeAtomically } from '../write-atomically.js';
import { renderAuditConsole } from './audit-console.js';
import { resolveAuditRule } from './resolve-audit-rule.js';

export interface AuditCommandOptions {
  /** The opened source; `runAudit` reads its whole `search()` stream once and does not close it. */
  source: CustomerSource;
  /** The configured source name, shown in the reports. */
  sourceName: string;
  /** `--rule RULE`: a name from `rules`, a pattern or a preset. */
  rule?: string;
  /** The config's `rules`, to resolve `--rule NAME`. */
  rules?: Readonly<Record<string, unknown>>;
  /** `--json`: the full report on stdout. */
  json?: boolean;
  /** `--html FILE`: the self-contained HTML report. */
  html?: string;
  /** Language of the HTML report (default en). */
  lang?: Lang;
  /** Language of the summary printed on stdout (default en). */
  tableLang?: Lang;
  /** `--fix-plan FILE`: the CSV change proposal. */
  fixPlan?: string;
  /** `--no-escape-formulas`: fix-plan cells starting with = + - @ written verbatim. */
  escapeFormulas?: boolean;
  /** The sequence store of the rule, only peeked at so proposed codes follow what it would hand out. */
  store?: SequenceStore;
  /** Working directory for relative paths (default `io.cwd`). */
  cwd?: string;
  /** Checks the output files against what the config reads (default: no config, demo directories only). */
  outputs?: OutputGuard;
}

/**
 * `custcode audit SOURCE [--rule RULE] [--json | --html FILE] [--fix-plan FILE]`. Exit code 0 when the
 * audit ran, whatever it found (findings are the result, not a failure: scripts read the JSON counts);
 * 2 for a bad rule or an unwritable output file; 3 when the source fails while streaming.
 */
export async function runAudit(options: AuditCommandOptions, io: CommandIo): Promise<number> {
  try {
    const rule = resolveAuditRule(options.rule, options.rules);
    // Output paths are checked before the source is read: a refused path costs nothing.
    const guard = options.outputs ?? outputGuard(undefined, options.cwd ?? io.cwd);
    const htmlTarget = options.html === undefined ? undefined : guard.check(options.html, '--html');
    const fixPlanTarget = options.fixPlan === undefined ? undefined : guard.check(options.fixPlan, '--fix-plan');
    const progress = await commandProgress(io, options.json, () => options.source.count());
    const report = await audit(options.source.search(), {
      source: options.sourceName,
      ...(rule ? { rule } : {}),
      onProgress: (records) => progress.update(records),
    });
    progress.update(report.total);
    progress.done();
    if (htmlTarget !== undefined) {
      await writeAtomically(htmlTarget, (output) => writeChunk(output, renderAuditHtml(report, { lang: options.lang ?? 'en' })));
      io.stderr.write(`${translate(options.tableLang ?? 'en', 'cli.htmlWritten', { file: htmlTarget })}\n`);
    }
    if (fixPlanTarget !== undefined) {
      const rows = await buildFixPlan(report, { ...(rule ? { rule } : {}), ...(options.store ? { store: options.store } : {}) });
      await writeAtomically(fixPlanTarget, (output) => writeChunk(output, fixPlanCsv(rows, { escapeFormulas: options.escapeFormulas !== false })));
      io.stderr.write(`Fix plan (${rows.length} proposals, nothing applied) written to ${fixPlanTarget}\n`);
    }
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderAuditConsole(report, options.tableLang));
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json });
  }
}
