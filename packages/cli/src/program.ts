import { sequenceStoreUrls } from '@custcode/sql';
import { Command, CommanderError, Option } from 'commander';
// The package's own version, inlined by the build (all @custcode packages share it).
import { version as VERSION } from '../package.json';
import { type CommandIo, EXIT_CODES } from './command-io.js';

// Command modules load on use, so `custcode --help` does not pay for exceljs, pdfkit or SQLite.
const commands = {
  demo: () => import('./demo/demo-command.js'),
  sources: () => import('./commands/sources-command.js'),
  get: () => import('./commands/get-command.js'),
  search: () => import('./commands/search-command.js'),
  export: () => import('./commands/export-command.js'),
  audit: () => import('./commands/audit-wiring.js'),
  rule: () => import('./commands/rule-wiring.js'),
  accessLog: () => import('./commands/access-log/access-log-command.js'),
  serve: () => import('./commands/serve/serve-command.js'),
  migrate: () => import('./commands/migrate/migrate-wiring.js'),
  report: () => import('./commands/report/report-command.js'),
  match: () => import('./commands/match/match-command.js'),
  sync: () => import('./commands/sync/sync-command.js'),
  changes: () => import('./commands/changes/changes-command.js'),
  askSearch: () => import('./commands/ask/ask-search-command.js'),
};

/** The filter flags of search and export (DESIGN.md §CLI). */
function addFilters(command: Command): Command {
  return command
    .option('--code-prefix <prefix>', 'codes starting with PREFIX')
    .option('--name <text>', 'name contains TEXT')
    .option('--phone <text>', 'phone contains TEXT')
    .option('--category <code>', 'category (class) code')
    .option('--region <code>', 'region code')
    .option('--status <status>', 'active, blocked or deleted (comma-separated for several)')
    .option('--org <org>', 'organisation scope (company code, sales area, ORG_ID, use-org)')
    .option('--created-from <date>', 'created on or after DATE (YYYY-MM-DD)')
    .option('--created-to <date>', 'created on or before DATE (inclusive)')
    .option('--updated-since <date>', 'changed (or created) on or after DATE: the change feed')
    .option('--view <name>', 'a saved view from the config\'s "views"');
}

/** Builds the `custcode` command tree; every action stores its exit code through `done`. */
export function buildProgram(io: CommandIo, done: (exitCode: number) => void): Command {
  const program = new Command('custcode')
    .description('Look up, search, validate, audit and export customer numbers (客户编号) across ERPs.')
    .version(VERSION)
    .option('--config <file>', 'config file (default ./custcode.config.json, or $CUSTCODE_CONFIG)')
    .option('--user <name>', 'who runs the command, for the config\'s roles (default $CUSTCODE_USER, else the OS user)')
    .option('--lang <lang>', 'language of tables, reports and the audit page: zh (中文) or en (default $CUSTCODE_LANG, the config\'s "lang", else tables follow $LANG)')
    // `custcode audit --help` also lists --config, --user and --lang, which every command takes.
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run custcode --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  const global = (command: Command) => command.optsWithGlobals<{ config?: string; user?: string; lang?: string }>();

  program
    .command('demo')
    .description('create sample ERP databases (embedded SQLite) and a config, then show a tour')
    .option('--dir <dir>', 'where to create the demo', './custcode-demo')
    .option('--json', 'machine output')
    .action(async (options: { dir: string; json?: boolean }) => done(await (await commands.demo()).runDemo(io, options)));

  program
    .command('sources')
    .description('list configured sources; --check connects to each')
    .option('--check', 'connect to each source and report ok or the error')
    .option('--json', 'machine output')
    .action(async (options: { check?: boolean; json?: boolean }, command: Command) => done(await (await commands.sources()).runSources(io, { ...global(command), ...options })));

  program
    .command('get')
    .description('look up customers by code ("-" reads codes from stdin)')
    .argument('<source>', 'configured source name')
    .argument('<codes...>', 'customer codes, or - for stdin')
    .option('--org <org>', 'organisation scope')
    .option('--json', 'print an array of Customer records')
    .action(async (source: string, codes: string[], options: { org?: string; json?: boolean }, command: Command) =>
      done(await (await commands.get()).runGet(io, { ...global(command), ...options, source, codes })),
    );

  addFilters(
    program
      .command('search')
      .description('search customers by text (code, name, short name, pinyin initials) and filters')
      .argument('<source>', 'configured source name')
      .argument('[text]', 'text to match'),
  )
    .option('--limit <n>', 'at most N rows (human output shows 50 by default)')
    .option('--sort <keys>', 'order by FIELD[:desc] (comma-separated; the source must be able to sort) or by relevance (best text matches first)')
    .option('--ask <question>', 'a question such as "北京 停用 的客户 2024年以后新增" turned into filters (printed on stderr)')
    .option('--json', 'print an array of Customer records (all matches unless --limit)')
    .action(async (source: string, text: string | undefined, options: Record<string, string | undefined>, command: Command) => {
      const common = { ...global(command), ...options, source, ...(text === undefined ? {} : { text }) };
      const ask = options.ask;
      done(ask === undefined ? await (await commands.search()).runSearch(io, common) : await (await commands.askSearch()).runAskSearch(io, { ...common, ask }));
    });

  addFilters(
    program
      .command('export')
      .description('export customers to CSV, XLSX, JSON, NDJSON or PDF (atomic, streaming)')
      .argument('<source>', 'configured source name')
      .requiredOption('--out <file>', 'output file'),
  )
    .addOption(new Option('--format <format>', 'output format (default: from the file extension)').choices(['csv', 'xlsx', 'json', 'ndjson', 'pdf']))
    .option('--fields <list>', 'columns, comma-separated (code,name,phone,…)')
    .addOption(new Option('--headers <lang>', 'header names: en (field names) or zh (客户编号, 客户名称, …)').choices(['en', 'zh']).default('en'))
    .option('--encoding <encoding>', 'CSV encoding: utf8 (with BOM, default), gbk or gb18030')
    .option('--font <file>', 'PDF: a font file with Chinese glyphs (FILE or FILE#PostScriptName)')
    .option('--no-escape-formulas', 'CSV: write cells starting with = + - @ verbatim (for programs, not spreadsheets)')
    .option('--limit <n>', 'at most N rows')
    .option('--sort <keys>', 'row order: FIELD[:desc] (comma-separated) or relevance, as for search')
    .option('--json', 'print {file, format, rows} when done')
    .action(async (source: string, options: Record<string, string | undefined> & { out: string; escapeFormulas?: boolean }, command: Command) =>
      done(await (await commands.export()).runExport(io, { ...global(command), ...options, source })),
    );

  program
    .command('audit')
    .description('audit a source: duplicates, missing codes, gaps, rule violations, garbled names, bad tax ids')
    .argument('<source>', 'configured source name')
    .option('--rule <rule>', 'code rule: a name from the config\'s "rules", a pattern or a preset')
    .option('--json', 'print the full report as JSON')
    .option('--html <file>', 'write a self-contained HTML report')
    .option('--fix-plan <file>', 'write a CSV of proposed fixes (nothing is applied)')
    .option('--no-escape-formulas', 'fix plan: write cells starting with = + - @ verbatim (for programs, not spreadsheets)')
    .action(async (source: string, options: { rule?: string; json?: boolean; html?: string; fixPlan?: string; escapeFormulas?: boolean }, command: Command) =>
      done(await (await commands.audit()).runAuditCommand(io, { ...global(command), ...options, source })),
    );

  const rule = program.command('rule').description('validate, generate and explain customer code rules (config optional)');
  rule
    .command('validate')
    .description('check codes against a rule ("-" reads codes from stdin); exit 1 if any is invalid')
    .argument('<rule>', 'a rule name from the config, a pattern such as KH{YYYY}{seq:4}, or a preset')
    .argument('<codes...>', 'codes, or - for stdin')
    .option('--json', 'print [{code, valid, errors}]')
    .action(async (ruleName: string, codes: string[], options: { json?: boolean }, command: Command) =>
      done(await (await commands.rule()).runRuleValidateCommand(io, { ...global(command), ...options, rule: ruleName, codes })),
    );
  rule
    .command('generate')
    .description('generate the next codes of a rule')
    .argument('<rule>', 'a rule name from the config, a pattern or a preset')
    .requiredOption('--count <n>', 'how many codes')
    .option('--category <code>', 'category for {cat} parts')
    .option('--region <code>', 'region for {region} parts')
    .option('--org <org>', 'organisation for {org} parts')
    .option('--date <date>', 'creation date for date parts (YYYY-MM-DD; default today)')
    .option('--store <store>', `where counters live: a JSON file or a ${sequenceStoreUrls()} URL`)
    .option('--preview', 'show the next codes without consuming them')
    .option('--json', 'print a JSON array of codes')
    .action(async (ruleName: string, options: Record<string, string | boolean | undefined> & { count: string }, command: Command) =>
      done(await (await commands.rule()).runRuleGenerateCommand(io, { ...global(command), ...options, rule: ruleName })),
    );
  rule
    .command('explain')
    .description('explain a rule in plain English and Chinese')
    .argument('<rule>', 'a rule name from the config, a pattern or a preset')
    .option('--json', 'print the rule\'s segments and explanations')
    .action(async (ruleName: string, options: { json?: boolean }, command: Command) =>
      done(await (await commands.rule()).runRuleExplainCommand(io, { ...global(command), ...options, rule: ruleName })),
    );

  program
    .command('access-log')
    .description('show the access log: who read which source, when, with what query, how many records')
    .option('--user <name>', 'only entries of this user (here --user filters; the reader is $CUSTCODE_USER or the OS user)')
    .option('--since <date>', 'entries at or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss)')
    .option('--json', 'print an array of log entries')
    .action(async (options: { user?: string; since?: string; json?: boolean }, command: Command) =>
      done(await (await commands.accessLog()).runAccessLog(io, { ...global(command), ...options })),
    );

  program
    .command('serve')
    .description('serve the REST API (/openapi.json) and the web console over the configured sources')
    .option('--port <port>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--allowed-host <name...>', 'a host name the server answers to besides IP addresses, localhost and --host (the Host header is checked)')
    .option('--json', 'print {url, accessLog, roles} once listening')
    .action(async (options: { port?: string; host?: string; allowedHost?: string[]; json?: boolean }, command: Command) =>
      done(await (await commands.serve()).runServe(io, { ...global(command), ...options })),
    );

  program
    .command('migrate')
    .description('migrate customers to a target ERP: crosswalk old → new codes, conflicts, value translations, import files (the target is read only)')
    .argument('<source>', 'configured source name')
    .requiredOption('--rule <rule>', 'the target\'s code rule: a name from the config\'s "rules", a pattern or a preset')
    .requiredOption('--out <dir>', 'directory for crosswalk.csv, the import files and sequences.json (or CROSSWALK.csv: the files go beside it)')
    .option('--target <source>', 'the target ERP as a configured source: codes it holds are never handed out')
    .option('--keep-valid', 'keep an old code that the rule accepts and the target does not hold')
    .option('--map <file>', 'value translations for category, region, org (CSV field,from,to or JSON)')
    .option('--decisions <file>', 'merge / separate / new / keep decisions (CSV old_code,decision,into or JSON)')
    .addOption(new Option('--layout <layout>', 'import layout (default: from the target\'s ERP)').choices(['k3cloud', 'sap', 'ebs', 'u8']))
    .option('--crosswalk <file>', 'the stored crosswalk, read back on re-runs (default DIR/crosswalk.csv; .json for JSON)')
    .option('--store <store>', `where the rule's counters live: a JSON file or a ${sequenceStoreUrls()} URL (default DIR/sequences.json)`)
    .addOption(new Option('--order <order>', 'generation order').choices(['code', 'created']).default('code'))
    .option('--date <date>', 'date for the rule\'s date parts (YYYY-MM-DD; default each customer\'s creation date)')
    .option('--target-org <org>', 'organisation scope of the target lookups')
    .option('--dry-run', 'write nothing and consume no number: print the summary only')
    .option('--no-escape-formulas', 'CSV files: write cells starting with = + - @ verbatim (for import programs, not spreadsheets)')
    .option('--json', 'print the summary as JSON')
    .action(async (source: string, options: Record<string, string | boolean | undefined> & { rule: string; out: string }, command: Command) =>
      done(await (await commands.migrate()).runMigrateCommand(io, { ...global(command), ...options, source })),
    );

  addFilters(
    program
      .command('report')
      .description('standard reports: 客户明细表 detail, 客户资料汇总表 summary, 客户分类报表 classification, growth (HTML, XLSX, PDF)')
      .argument('[source]', 'configured source name (or use --source, several for a side-by-side report)')
      .addOption(new Option('--template <template>', 'report template').choices(['detail', 'summary', 'classification', 'growth']))
      .requiredOption('--out <file>', 'output file'),
  )
    .option('--hub <path>', 'report from a hub (see sync) instead of sources; with --by golden')
    .addOption(new Option('--by <grouping>', 'with --hub: golden = by global customer across systems').choices(['golden']))
    .option('--source <name>', 'a source to include (repeat for several, side by side)', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(new Option('--format <format>', 'output format (default: from the file extension)').choices(['html', 'xlsx', 'pdf']))
    .option('--fields <list>', 'detail: columns, comma-separated (code,name,phone,…)')
    .option('--font <file>', 'PDF: a font file with Chinese glyphs (FILE or FILE#PostScriptName)')
    .option('--title <title>', 'report title (default: the template\'s name)')
    .option('--limit <n>', 'detail: at most N rows per source (default 20,000)')
    .option('--json', 'print {file, format, template, sources, tables} when done')
    .action(async (source: string | undefined, options: Record<string, string | undefined> & { template: string; out: string; source?: string[] }, command: Command) => {
      // optsWithGlobals() also carries the repeatable --source list under `source`: the positional takes that key.
      const { source: sources, ...rest } = { ...global(command), ...options };
      done(await (await commands.report()).runReport(io, { ...rest, source, sources: sources ?? [] }));
    });

  addFilters(
    program
      .command('match')
      .description('the same customer across ERPs: links, golden records, a review list and an HTML report (read only)')
      .argument('<sources...>', 'two or more configured source names')
      .requiredOption('--out <dir>', 'directory for links, golden, review (.csv / .xlsx) and match-report.html'),
  )
    .option('--decisions <file>', 'reviewer decisions: review.csv with its decision column filled (confirm / reject), or JSON')
    .option('--links <file>', 'the links of an earlier run, whose global ids are kept (default DIR/links.csv when it exists)')
    .option('--threshold <p>', 'match probability at or above which a scored pair is linked (default 0.95)')
    .option('--review-from <p>', 'lowest probability of the review band (default 0.5)')
    .option('--priority <sources>', 'golden record: sources in order of trust, comma-separated')
    .option('--hub <path>', 'also write the links and golden tables into this hub (see sync)')
    .option('--format <formats>', 'table files: csv (default), xlsx, or csv,xlsx (links, golden, review; a re-run reads links.csv)')
    .addOption(new Option('--headers <lang>', 'XLSX header names: en (the CSV column ids) or zh (全局编号, 客户编号, …)').choices(['en', 'zh']))
    .option('--engine <engine>', 'js (default): read the sources; sql: match the rows synced into --hub, as SQL in its DuckDB')
    .option('--emit-sql <dialect>', 'write the match pipeline as spark (or duckdb) SQL files, their Parquet inputs and a runner to --out instead of matching (needs --hub)')
    .option('--no-escape-formulas', 'CSV files: write cells starting with = + - @ verbatim (for programs, not spreadsheets)')
    .option('--json', 'print {out, files, records, clusters, …, weights} when done')
    .action(async (sources: string[], options: Record<string, string | boolean | undefined> & { out: string }, command: Command) =>
      done(await (await commands.match()).runMatch(io, { ...global(command), ...options, sources })),
    );

  program
    .command('sync')
    .description('copy sources into a customer hub (DuckDB file or Parquet dataset): incremental, deletions recorded, resumable')
    .argument('<sources...>', 'configured source names')
    .option('--to <path>', 'the hub: a DuckDB file (default hub.duckdb), or a directory with --format parquet')
    .option('--format <format>', 'duckdb (default) or parquet (partitioned by source, for Spark, Trino, DuckDB)')
    .option('--full', 'read every source whole and diff it, even where only changes could be read')
    .option('--json', 'print {to, format, sources: [{source, mode, read, inserted, updated, deleted, present}]} when done')
    .action(async (sources: string[], options: Record<string, string | boolean | undefined>, command: Command) =>
      done(await (await commands.sync()).runSync(io, { ...global(command), ...options, sources })),
    );

  addFilters(
    program
      .command('changes')
      .description('customers added, changed, blocked, unblocked or deleted since a date or a snapshot; notify a webhook or a file (for cron)')
      .argument('<source>', 'configured source name'),
  )
    .option('--since <date>', 'changes since DATE from the ERP\'s modified/created columns (added, changed, blocked only)')
    .option('--snapshot <file>', 'compare with a snapshot of an earlier run (also finds deletions and renumbered codes)')
    .option('--save-snapshot <file>', 'save the current state for the next --snapshot run (after a successful --notify)')
    .option('--out <file>', 'write the change list as JSON')
    .option('--notify <target>', 'POST the change list to an http(s) URL, or append it to a file (JSON Lines)')
    .option('--secret-env <name>', 'environment variable holding the webhook secret (X-Custcode-Signature; default: config notify.secret)')
    .option('--quiet', 'print nothing when nothing changed')
    .option('--json', 'print the change list as JSON')
    .action(async (source: string, options: Record<string, string | boolean | undefined>, command: Command) =>
      done(await (await commands.changes()).runChanges(io, { ...global(command), ...options, source })),
    );

  return program;
}

/**
 * Runs `custcode` with these arguments (without `node` and the script) and returns the exit code.
 * Commander's own usage errors exit 2; help and version exit 0.
 */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    throw error;
  }
  return exitCode;
}
