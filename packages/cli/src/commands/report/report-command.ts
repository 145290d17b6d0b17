import { extname } from 'node:path';
import { buildReport, REPORT_TEMPLATES, renderReportHtml, type ReportTemplate, writeReportPdf, writeReportXlsx } from '@custcode/report';
import { translate } from '@custcode/core/messages';
import { parseExportFields } from '@custcode/export';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { chosenLang, terminalLang } from '../../output/output-lang.js';
import { commandProgress } from '../../output/progress.js';
import { outputGuard } from '../../output/output-guard.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { type FilterFlags, resolveQuery } from '../query-options.js';
import type { CommonOptions } from '../with-source.js';
import { writeAtomically } from '../write-atomically.js';
import { runHubReport } from './hub-report.js';
import { withSources } from './with-sources.js';

export const REPORT_FORMATS = ['html', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandOptions extends CommonOptions, FilterFlags {
  /** The positional SOURCE, if given. */
  source?: string | undefined;
  /** `--source NAME`, repeatable. */
  sources?: string[];
  /** Required unless --hub. */
  template?: string;
  out: string;
  /** `--hub HUB --by golden`: the report across systems by global customer. */
  hub?: string;
  by?: string;
  format?: string;
  fields?: string;
  font?: string;
  title?: string;
}

function reportFormat(out: string, format: string | undefined): ReportFormat {
  const wanted = format ?? extname(out).slice(1).toLowerCase().replace(/^htm$/, 'html');
  if ((REPORT_FORMATS as readonly string[]).includes(wanted)) return wanted as ReportFormat;
  throw new UsageError({
    message: format === undefined ? `Cannot tell the report format from "${out}".` : `Unknown report format "${format}".`,
    hint: `--format is one of: ${REPORT_FORMATS.join(', ')} (or name the file .html, .xlsx or .pdf).`,
  });
}

function reportTemplate(template: string): ReportTemplate {
  if (template === '') throw new UsageError({ message: 'No report template given.', hint: `--template is one of: ${REPORT_TEMPLATES.join(', ')} (or --hub HUB --by golden).` });
  if ((REPORT_TEMPLATES as readonly string[]).includes(template)) return template as ReportTemplate;
  throw new UsageError({ message: `Unknown report template "${template}".`, hint: `--template is one of: ${REPORT_TEMPLATES.join(', ')}.` });
}

/** `custcode report [SOURCE] [--source NAME]... --template T [--format html|xlsx|pdf] --out FILE [filters] [--fields]`. */
export async function runReport(io: CommandIo, options: ReportCommandOptions): Promise<number> {
  if (options.hub !== undefined) return runHubReport(io, { ...options, hub: options.hub }, (out) => reportFormat(out, options.format));
  const names = [...new Set([...(options.source === undefined ? [] : [options.source]), ...(options.sources ?? [])])];
  return withSources(io, { ...options, sources: names }, async (sources, loaded) => {
    if (names.length === 0) throw new UsageError({ message: 'No source given.', hint: 'Name one: custcode report SOURCE …, or several with --source A --source B.' });
    const template = reportTemplate(options.template ?? '');
    const out = outputGuard(loaded, io.cwd).check(options.out, '--out');
    const format = reportFormat(out, options.format);
    if (options.fields !== undefined && template !== 'detail') throw new UsageError({ message: '--fields applies to the detail template only.', hint: 'Drop --fields, or use --template detail.' });
    // A saved view is checked against the first source; its filters apply to every source of the report.
    const { query, fields: viewFields } = resolveQuery(loaded, names[0]!, undefined, options);
    const { limit, after: _after, ...filter } = query;
    const fields = options.fields !== undefined ? parseExportFields(options.fields) : viewFields;
    const choice = { lang: options.lang, env: io.env, configLang: loaded.config.lang };
    // A report is a document: a chosen language writes it in that language, else both side by side (as before).
    const lang = chosenLang(choice);
    const progress = await commandProgress(io, options.json, async () => (await Promise.all(sources.map((source) => source.count(filter)))).reduce((sum, count) => sum + count, 0));
    const report = await buildReport(
      sources.map((source, index) => ({ source, name: names[index]! })),
      {
        template, filter, onProgress: (rows) => progress.update(rows), ...(lang === undefined ? {} : { lang }),
        ...(fields ? { fields } : {}), ...(limit === undefined ? {} : { maxRows: limit }), ...(options.title ? { title: options.title } : {}),
      },
    ).finally(() => progress.done());
    await writeAtomically(out, async (output) => {
      if (format === 'html') await writeChunk(output, renderReportHtml(report));
      else if (format === 'xlsx') await writeReportXlsx(report, output);
      else await writeReportPdf(report, output, options.font ? { font: options.font } : {});
    });
    const tables = report.sections.reduce((sum, section) => sum + section.tables.length, 0) + (report.comparison?.tables.length ?? 0);
    if (options.json) await writeChunk(io.stdout, `${JSON.stringify({ file: out, format, template, sources: names, tables })}\n`);
    else {
      const messageLang = terminalLang(choice);
      const templateName = translate(messageLang, `cli.template.${template}`);
      io.stderr.write(`${translate(messageLang, 'cli.report.written', { template: templateName, sources: names.join(', '), out: options.out, format })}\n`);
    }
    return EXIT_CODES.ok;
  });
}
