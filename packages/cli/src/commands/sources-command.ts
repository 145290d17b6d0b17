import { type AuthorizationReport } from '@custcode/core';
import { redactUrl } from '@custcode/core/adapter';
import { type Lang, translate } from '@custcode/core/messages';
import { connectionUrlDialect, type DialectName } from '@custcode/sql';
import { type CommandIo, EXIT_CODES } from '../command-io.js';
import type { SourceConfig } from '../config/config-schema.js';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { errorJson, exitCodeOf, reportError } from '../output/report-error.js';
import { terminalLang } from '../output/output-lang.js';
import { renderTable } from '../output/table.js';
import { escapeControls } from '../output/terminal-text.js';
import { writeChunk } from '../output/write-chunk.js';
import { printSourceWarnings } from '../output/source-warnings.js';
import { openSource } from '../sources/open-source.js';
import { checkAuthorizations, renderAuthorizations } from './authorizations-section.js';
import type { CommonOptions } from './with-source.js';

export interface SourcesOptions extends CommonOptions {
  check?: boolean;
}

interface SourceReport {
  name: string;
  erp: SourceConfig['erp'];
  target: string;
  /** The SQL dialect a database URL opens (`postgresql://` → postgres); absent for other sources. */
  dialect?: DialectName;
  ok?: boolean;
  error?: Record<string, unknown>;
  /** What the source found while checking, e.g. SAP text tables the user may not read (`describe().warnings`). */
  warnings?: string[];
  /** With --check, for products that check them (SAP): what the backend user needs, and which of it it may use. */
  authorizations?: AuthorizationReport | { error: Record<string, unknown> };
}

/** Where a source reads from, without secrets, as its product describes it (its URL when the adapter is not installed). */
function targetOf(loaded: LoadedConfig, config: SourceConfig): string {
  const adapter = loaded.adapters.get(config.erp);
  if (adapter !== undefined && !(adapter instanceof Error)) return adapter.describe(config).target;
  return typeof config.url === 'string' ? redactUrl(config.url) : '';
}

/** `custcode sources [--check]`: lists sources; --check connects to each and reports ok or the typed error. */
export async function runSources(io: CommandIo, options: SourcesOptions): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const reports: SourceReport[] = [];
  let lang: Lang = 'en';
  try {
    const loaded = await loadConfig(io, options.config);
    lang = terminalLang({ lang: options.lang, env: io.env, configLang: loaded.config.lang });
    for (const [name, config] of Object.entries(loaded.config.sources)) {
      const dialect = typeof config.url === 'string' ? connectionUrlDialect(config.url) : undefined;
      const report: SourceReport = { name, erp: config.erp, target: targetOf(loaded, config), ...(dialect === undefined ? {} : { dialect }) };
      reports.push(report);
      if (!options.check) continue;
      let secrets: string[] = [];
      // Opened means the user's role grants the source: only then are its authorizations probed (SAP).
      let opened: Awaited<ReturnType<typeof openSource>> | undefined;
      try {
        opened = await openSource(loaded, name, io.env, options.user === undefined ? {} : { user: options.user });
        secrets = opened.secrets;
        try {
          for await (const _customer of opened.source.search({ limit: 1 })) break;
          const warnings = opened.source.describe().warnings;
          if (warnings !== undefined) report.warnings = warnings;
        } finally {
          await opened.source.close().catch(() => undefined);
        }
        report.ok = true;
      } catch (error) {
        report.ok = false;
        report.error = errorJson(error, secrets);
        if (exitCode === EXIT_CODES.ok) exitCode = exitCodeOf(error);
      }
      if (opened) {
        const authorizations = await checkAuthorizations(loaded, name, config, io.env);
        if (authorizations !== undefined) report.authorizations = authorizations;
      }
    }
  } catch (error) {
    return reportError(io, error, { json: options.json });
  }
  if (options.json) {
    await writeChunk(io.stdout, `${JSON.stringify(reports, null, 2)}\n`);
    return exitCode;
  }
  const columns = ['cli.col.source', 'cli.col.erp', 'cli.col.target', ...(options.check ? ['cli.col.check'] as const : [])] as const;
  const headers = columns.map((key) => translate(lang, key));
  const rows = reports.map((report) => {
    const row = [report.name, report.erp, report.target];
    if (options.check) row.push(report.ok ? translate(lang, 'cli.ok') : `${String(report.error?.code)}: ${String(report.error?.message)}`);
    return row;
  });
  await writeChunk(io.stdout, renderTable(headers, rows));
  for (const report of reports) {
    if (report.error?.hint !== undefined) io.stderr.write(`${escapeControls(`${translate(lang, 'cli.hint')} (${report.name}): ${String(report.error.hint)}`)}\n`);
    printSourceWarnings(io, report.name, report.warnings);
    const access = report.authorizations;
    if (access !== undefined && 'error' in access) io.stderr.write(`${escapeControls(`error (${report.name}, authorization check): ${String(access.error.message)}`)}\n`);
    else if (access !== undefined) await writeChunk(io.stdout, renderAuthorizations(report.name, access));
  }
  return exitCode;
}
