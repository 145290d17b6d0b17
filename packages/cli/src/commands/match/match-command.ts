import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Customer } from '@custcode/core';
import { type CsvCellOptions } from '@custcode/export';
import { emitMatchSql, type Hub, MATCH_SQL_DIALECTS, matchHub, type MatchSqlDialect, openHub } from '@custcode/hub';
import { readMatchDecisions } from './match-decisions-file.js';
import { goldenCsv, goldenTable, linksCsv, linksTable, match, type MatchHeaders, type MatchOptions, type MatchResult, type MatchTableName, parsePreviousLinks, renderMatchHtml, reviewCsv, reviewTable, writeMatchXlsx } from '@custcode/match';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { accessOf } from '../../output/access-notes.js';
import { outputGuard, type OutputPath } from '../../output/output-guard.js';
import { commandProgress, countInto } from '../../output/progress.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { ensureDirectory, readInputFile } from '../migrate/migrate-files.js';
import { type FilterFlags, resolveQuery } from '../query-options.js';
import { withSources } from '../report/with-sources.js';
import { writeHubMatch } from '../sync/write-hub-match.js';
import type { CommonOptions } from '../with-source.js';
import { writeAtomically } from '../write-atomically.js';

export interface MatchCommandOptions extends CommonOptions, FilterFlags {
  sources: string[];
  out: string;
  decisions?: string;
  links?: string;
  threshold?: string;
  reviewFrom?: string;
  priority?: string;
  escapeFormulas?: boolean;
  /** `--hub PATH`: also write links and golden into a hub made by `custcode sync`. */
  hub?: string;
  /** `--format csv,xlsx`: the table files' formats (default csv). */
  format?: string;
  /** `--headers en|zh`: XLSX header names (CSV keeps the column ids later runs read back). */
  headers?: MatchHeaders;
  /** `--engine js|sql`: sql runs the pipeline as SQL in the hub's DuckDB (needs --hub), over the synced rows. */
  engine?: string;
  /** `--emit-sql spark|duckdb`: write the pipeline as SQL files for that engine to --out instead of matching here (needs --hub). */
  emitSql?: string;
}

export const MATCH_ENGINES = ['js', 'sql'] as const;

export const MATCH_FILES = { links: 'links.csv', golden: 'golden.csv', review: 'review.csv', report: 'match-report.html' } as const;
export const MATCH_XLSX_FILES = { links: 'links.xlsx', golden: 'golden.xlsx', review: 'review.xlsx' } as const;
const TABLE_FORMATS = ['csv', 'xlsx'] as const;
type TableFormat = (typeof TABLE_FORMATS)[number];

/** `--format csv,xlsx`: one or more table formats, each once. */
function tableFormats(value: string | undefined): TableFormat[] {
  if (value === undefined) return ['csv'];
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter((format) => format !== '');
  const unknown = formats.find((format) => !(TABLE_FORMATS as readonly string[]).includes(format));
  if (unknown !== undefined || formats.length === 0) throw new UsageError({ message: `--format takes csv, xlsx or both, not ${JSON.stringify(unknown ?? value)}.`, hint: 'For example --format csv,xlsx.' });
  return [...new Set(formats)] as TableFormat[];
}

/** A probability flag: a decimal from 0 to 1. */
function probabilityFlag(flag: string, value: string): number {
  const number = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (Number.isNaN(number)) throw new UsageError({ message: `${flag} must be a probability from 0 to 1, not ${JSON.stringify(value)}.`, hint: `For example ${flag} 0.9.` });
  return number;
}

/**
 * `custcode match SOURCE SOURCE… --out DIR`: reads every source through the caller's role (masked fields are
 * neither evidence nor shown, row filters apply), links the same customer across them and writes links,
 * golden and review as CSV and/or XLSX (`--format csv,xlsx`) and an HTML report. A re-run reads DIR/links.csv (or --links) to keep the global ids.
 */
export async function runMatch(io: CommandIo, options: MatchCommandOptions): Promise<number> {
  const names = [...new Set(options.sources)];
  return withSources(io, { ...options, sources: names, command: 'match' }, async (sources, loaded) => {
    const formats = tableFormats(options.format);
    if (names.length < 2) throw new UsageError({ message: 'match needs at least two sources.', hint: 'Name them: custcode match u8 k3 sap --out DIR.' });
    const view = options.view === undefined ? undefined : loaded.config.views?.[options.view]?.source;
    if (view !== undefined && !names.includes(view)) throw new UsageError({ message: `View "${options.view}" is for source "${view}", which is not matched here.`, hint: `Add ${view} to the sources, or drop --view.` });
    const matchOptions: MatchOptions = {
      ...(options.threshold === undefined ? {} : { threshold: probabilityFlag('--threshold', options.threshold) }),
      ...(options.reviewFrom === undefined ? {} : { reviewFrom: probabilityFlag('--review-from', options.reviewFrom) }),
      ...(options.priority === undefined ? {} : { sourcePriority: options.priority.split(',').map((name) => name.trim()).filter((name) => name !== '') }),
      ...(options.decisions === undefined ? {} : { decisions: await readMatchDecisions(resolve(io.cwd, options.decisions)) }),
    };
    const unknown = (matchOptions.sourcePriority ?? []).filter((name) => !names.includes(name));
    if (unknown.length > 0) throw new UsageError({ message: `--priority names ${unknown.join(', ')}, not among the matched sources.`, hint: `List sources of this run: ${names.join(', ')}.` });
    const directory = resolve(io.cwd, options.out);
    const linksPath = options.links === undefined ? join(directory, MATCH_FILES.links) : resolve(io.cwd, options.links);
    if (options.links !== undefined || existsSync(linksPath)) matchOptions.previous = parsePreviousLinks(readInputFile(linksPath, '--links'));

    const guard = outputGuard(loaded, io.cwd);
    const wanted = { ...(formats.includes('csv') ? { links: MATCH_FILES.links, golden: MATCH_FILES.golden, review: MATCH_FILES.review } : {}), report: MATCH_FILES.report };
    const files = Object.fromEntries(Object.entries(wanted).map(([key, file]) => [key, guard.check(join(directory, file), '--out')])) as Partial<Record<keyof typeof MATCH_FILES, OutputPath>> & { report: OutputPath };
    const xlsxFiles = formats.includes('xlsx')
      ? (Object.fromEntries(Object.entries(MATCH_XLSX_FILES).map(([key, file]) => [key, guard.check(join(directory, file), '--out')])) as Record<MatchTableName, OutputPath>)
      : undefined;
    // The flags filter every source; a saved view filters the source it was saved for.
    const filters = sources.map((_source, index) => {
      const name = names[index]!;
      const { view: _view, ...flags } = options;
      const { query } = resolveQuery(loaded, name, undefined, name === view ? options : flags);
      const { limit: _limit, after: _after, ...filter } = query;
      return filter;
    });
    const engine = options.engine ?? 'js';
    if (!(MATCH_ENGINES as readonly string[]).includes(engine)) throw new UsageError({ message: `--engine must be js or sql, not ${JSON.stringify(engine)}.`, hint: 'js (default) reads the sources; sql matches the rows a sync put in --hub, in DuckDB.' });
    const hubPath = options.hub === undefined ? undefined : guard.check(resolve(io.cwd, options.hub), '--hub');
    if ((engine === 'sql' || options.emitSql !== undefined) && hubPath === undefined) {
      throw new UsageError({ message: `${options.emitSql !== undefined ? '--emit-sql' : '--engine sql'} reads the hub: give --hub.`, hint: 'custcode sync u8 k3 sap --to hub.duckdb, then custcode match u8 k3 sap --hub hub.duckdb --engine sql --out DIR.' });
    }
    if ((engine === 'sql' || options.emitSql !== undefined) && filters.some((filter) => Object.keys(filter).length > 0)) {
      throw new UsageError({ message: 'Filters and views apply to the sources, not to the hub: the SQL engine matches every row a sync put in the hub.', hint: 'Drop the filters, or use --engine js.' });
    }
    // The SQL engine reads the hub through the caller's role: their row filter and masks apply to each hub row.
    const hubOptions = () => ({
      sources: names,
      masked: Object.fromEntries(sources.map((source, index) => [names[index]!, accessOf(source)?.masked ?? []])),
      view: Object.fromEntries(sources.flatMap((source, index) => {
        const access = accessOf(source);
        return access === undefined ? [] : [[names[index]!, (customer: Customer) => access.view(customer)]];
      })),
      ...(matchOptions.threshold === undefined ? {} : { threshold: matchOptions.threshold }),
      ...(matchOptions.reviewFrom === undefined ? {} : { reviewFrom: matchOptions.reviewFrom }),
      ...(matchOptions.sourcePriority === undefined ? {} : { sourcePriority: matchOptions.sourcePriority }),
      ...(matchOptions.decisions === undefined ? {} : { decisions: matchOptions.decisions }),
      ...(matchOptions.previous === undefined ? {} : { previous: matchOptions.previous }),
    });
    if (options.emitSql !== undefined) {
      const dialect = options.emitSql;
      if (!(MATCH_SQL_DIALECTS as readonly string[]).includes(dialect)) throw new UsageError({ message: `--emit-sql must be ${MATCH_SQL_DIALECTS.join(' or ')}, not ${JSON.stringify(dialect)}.`, hint: 'custcode match u8 k3 sap --hub hub.duckdb --emit-sql spark --out match-spark' });
      const emitted = await withHub(hubPath!, (hub) => emitMatchSql(hub, { ...hubOptions(), dialect: dialect as MatchSqlDialect, out: guard.check(directory, '--out') }));
      if (options.json) await writeChunk(io.stdout, `${JSON.stringify({ out: directory, dialect, statements: emitted.statements.map((statement) => statement.file), inputs: emitted.inputs, command: emitted.command, weights: emitted.weights })}\n`);
      else io.stderr.write(`wrote ${emitted.statements.length} ${dialect} SQL statements to ${options.out}/sql and their inputs to ${options.out}/data${emitted.command === '' ? '' : `; run them with: ${emitted.command}`}\n`);
      return EXIT_CODES.ok;
    }
    let result: MatchResult;
    if (engine === 'sql') {
      result = await withHub(hubPath!, (hub) => matchHub(hub, hubOptions()));
    } else {
      const progress = await commandProgress(io, options.json, async () => (await Promise.all(sources.map((source, index) => source.count(filters[index])))).reduce((sum, count) => sum + count, 0));
      const counted = countInto(progress);
      const inputs = sources.map((source, index) => ({ name: names[index]!, customers: counted(source.search(filters[index])), masked: accessOf(source)?.masked ?? [] }));
      result = await match(inputs, matchOptions).finally(() => progress.done());
    }

    ensureDirectory(directory);
    const cells: CsvCellOptions = options.escapeFormulas === false ? { escapeFormulas: false } : {};
    const write = (path: OutputPath, text: string) => writeAtomically(path, (output) => writeChunk(output, text));
    if (files.links) await write(files.links, linksCsv(result.links, cells));
    if (files.golden) await write(files.golden, goldenCsv(result.golden, cells));
    if (files.review) await write(files.review, reviewCsv(result.review, cells));
    if (xlsxFiles) {
      const tables = { links: linksTable(result.links), golden: goldenTable(result.golden), review: reviewTable(result.review) };
      for (const name of Object.keys(tables) as MatchTableName[]) {
        await writeAtomically(xlsxFiles[name], (output) => writeMatchXlsx(name, tables[name], output, { headers: options.headers ?? 'en' }));
      }
    }
    await write(files.report, renderMatchHtml(result));
    if (hubPath !== undefined) await writeHubMatch(hubPath, result);

    const { summary } = result;
    if (options.json) {
      const { weights, ...counts } = summary;
      await writeChunk(io.stdout, `${JSON.stringify({ out: directory, files: [...Object.values(files), ...Object.values(xlsxFiles ?? {})], ...counts, weights })}\n`);
    } else {
      io.stderr.write(
        `matched ${summary.records} records of ${names.join(', ')}: ${summary.clusters} global customers, ${summary.crossSourceClusters} in two or more sources, ${summary.review} pairs to review\n` +
          `wrote ${[...Object.values(wanted), ...(xlsxFiles ? Object.values(MATCH_XLSX_FILES) : [])].join(', ')} to ${options.out}\n`,
      );
    }
    return EXIT_CODES.ok;
  });
}

/** Runs `body` on the hub at `path`, closing it after. */
async function withHub<T>(path: string, body: (hub: Hub) => Promise<T>): Promise<T> {
  const hub = await openHub(path);
  try {
    return await body(hub);
  } finally {
    await hub.close();
  }
}
