import { resolve } from 'node:path';
import { goldenReportTables, openHub } from '@custcode/hub';
import { documentTerm } from '@custcode/core/messages';
import { renderReportHtml, type ReportDocument, writeReportPdf, writeReportXlsx } from '@custcode/report';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { loadConfig } from '../../config/load-config.js';
import { chosenLang } from '../../output/output-lang.js';
import { outputGuard } from '../../output/output-guard.js';
import { reportError } from '../../output/report-error.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { writeAtomically } from '../write-atomically.js';
import type { ReportFormat } from './report-command.js';

export interface HubReportOptions {
  config?: string;
  /** --lang: the report in one language (or CUSTCODE_LANG, config `lang`); none chosen: both side by side, as the other reports. */
  lang?: string;
  json?: boolean;
  hub: string;
  by?: string;
  out: string;
  title?: string;
  font?: string;
}

/**
 * `custcode report --hub HUB --by golden --out FILE`: the report across systems by global customer, from a hub
 * that `sync` and `match --hub` filled. It reads the hub, not the sources: the hub holds what its writer's
 * role could see.
 */
export async function runHubReport(io: CommandIo, options: HubReportOptions, format: (out: string) => ReportFormat): Promise<number> {
  try {
    if (options.by !== 'golden') throw new UsageError({ message: `--hub reports are grouped by global customer: give --by golden${options.by === undefined ? '' : `, not --by ${options.by}`}.`, hint: 'custcode report --hub hub.duckdb --by golden --out golden.html' });
    const loaded = await loadConfig(io, options.config);
    const out = outputGuard(loaded, io.cwd).check(options.out, '--out');
    const chosen = chosenLang({ lang: options.lang, env: io.env, configLang: loaded.config.lang });
    const hub = await openHub(resolve(io.cwd, options.hub));
    let tables;
    let sources: Array<{ name: string; erp: string }>;
    try {
      tables = await goldenReportTables(hub, chosen ?? 'both');
      sources = await hub.query<{ name: string; erp: string }>('SELECT source AS name, any_value(erp) AS erp FROM customers GROUP BY source ORDER BY source');
    } finally {
      await hub.close();
    }
    const lang = chosen ?? 'both';
    const report: ReportDocument = {
      template: 'summary',
      ...(chosen === undefined ? {} : { lang: chosen }),
      title: options.title ?? documentTerm(lang, 'hub.title'),
      generatedAt: new Date().toISOString().slice(0, 19),
      sources,
      filters: [],
      notes: [documentTerm(lang, 'hub.note')],
      sections: [{ title: documentTerm(lang, 'hub.section'), notes: [], charts: [{ kind: 'bar', name: 'regions', title: tables[0]!.title, series: [{ name: documentTerm(lang, 'hub.customers'), points: tables[0]!.rows.map(([label, value]) => ({ label: String(label), value: Number(value) })) }] }], tables }],
    };
    const kind = format(out);
    await writeAtomically(out, async (output) => {
      if (kind === 'html') await writeChunk(output, renderReportHtml(report));
      else if (kind === 'xlsx') await writeReportXlsx(report, output);
      else await writeReportPdf(report, output, options.font ? { font: options.font } : {});
    });
    if (options.json) await writeChunk(io.stdout, `${JSON.stringify({ file: out, format: kind, by: 'golden', sources: sources.map((source) => source.name), tables: tables.length })}\n`);
    else io.stderr.write(`wrote the report by global customer of ${options.hub} to ${options.out} (${kind})\n`);
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json, secrets: [] });
  }
}
