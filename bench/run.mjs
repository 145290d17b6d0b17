/**
 * `npm run bench`: fills (once) the cached bench databases, then runs every measurement in its own fresh
 * child process — custcode and the hand-written code with the same driver, in the same run — and prints
 * a Markdown table. Env: CUSTCODE_MARIADB_URL (default mysql://root@127.0.0.1:3306/test), CUSTCODE_POSTGRES_URL
 * (the PostgreSQL rows; without it they are printed as skipped),
 * BENCH_REPEAT (runs per measurement, taken in turn with the row's other measurements, best time kept; default 1; XLSX and the near-duplicate audit run once), BENCH_ONLY (comma-separated row ids),
 * BENCH_PROFILE=1 (each child also writes a CPU profile to bench/.data/profiles/NAME; read it with
 * `node bench/profile-top.mjs bench/.data/profiles/NAME`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { benchDirectory, cacheDirectory, ensureMariadb, ensurePostgres, ensureSqlite, mariadbBenchUrl, postgresBaseUrl } from './lib/bench-database.mjs';
import { ensureLookupCodes } from './lib/codes-file.mjs';
import { ensureSqlite5m } from './lib/bench-database-5m.mjs';
import { BENCH_ROWS_TABLE } from './lib/rows.mjs';
import { renderTable } from './lib/render-table.mjs';

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const only = process.env.BENCH_ONLY?.split(',').map((id) => id.trim());
const profile = process.env.BENCH_PROFILE === '1';

mkdirSync(cacheDirectory, { recursive: true });
const loadAtStart = os.loadavg().map((value) => value.toFixed(1)).join(' / ');
const mariadbState = await ensureMariadb(log);
await ensureSqlite(log);
if ((await ensurePostgres(log)) === 'skipped') log('PostgreSQL rows skipped: CUSTCODE_POSTGRES_URL is not set');
await ensureLookupCodes(mariadbBenchUrl(), mariadbState === 'filled');
// The 5M file (row 8b only) takes several minutes to fill the first time.
if (!only || only.includes('8b')) await ensureSqlite5m(log);

// One file per run of run.mjs: two runs at once (a shared bench cache) must not write the same file.
const outputFile = join(cacheDirectory, `export-output-${process.pid}`);
const measured = new Map();
const runsDone = new Map();
const outputDigests = new Map();
/**
 * SHA-256 of a file read 1 MB at a time. Never the whole file at once: on Linux a child's peak RSS starts at
 * its parent's RSS when it was forked, so a parent grown by a 150 MB read would inflate every later measurement.
 */
function digestOf(file) {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
/** One more run of a measurement in a fresh process; the best (shortest) run is kept. */
function runOnce(name) {
  const run = (runsDone.get(name) ?? 0) + 1;
  runsDone.set(name, run);
  log(`${name} (run ${run})`);
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${join(cacheDirectory, 'profiles', name)}`] : [];
  const stdout = execFileSync(process.execPath, [...profiling, join(benchDirectory, 'measure.mjs'), name, outputFile], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(stdout.trim().split('\n').pop());
  // The output's digest, so that a row can check both sides wrote the same bytes (as `cmp` would).
  if (existsSync(outputFile)) result.digest = digestOf(outputFile);
  rmSync(outputFile, { force: true });
  const digests = (outputDigests.get(name) ?? new Set()).add(result.digest);
  outputDigests.set(name, digests);
  if (digests.size > 1) result.digest = 'differs between runs';
  const best = measured.get(name);
  if (!best || result.seconds < best.seconds) measured.set(name, result);
  else if (digests.size > 1) best.digest = result.digest;
}
// The longest measurements (a minute or more each) run once whatever BENCH_REPEAT says.
const runsOf = (name) => (/xlsx|audit-near|migrate-5m/.test(name) ? 1 : repeat);
const chosen = BENCH_ROWS_TABLE.filter((row) => !only || only.includes(row.id));
/** A row whose database is not configured is printed with the reason instead of being measured. */
const missing = (row) => row.needs !== undefined && !process.env[row.needs];
const selected = chosen.filter((row) => !missing(row));
// A row's measurements take turns (custcode, hand-written, custcode, …) until each has had its runs.
for (const row of selected) {
  for (let round = 0; round < repeat; round++) {
    for (const name of row.measurements) if ((runsDone.get(name) ?? 0) < Math.min(round + 1, runsOf(name))) runOnce(name);
  }
}
const measure = (name) => {
  if (!measured.has(name)) runOnce(name);
  return measured.get(name);
};

const skipped = (row) => ({ ...row, custcode: `skipped: ${row.needs} is not set`, baseline: '—', ratio: undefined, rss: '—', met: undefined });
const rows = chosen.map((row) => (missing(row) ? skipped(row) : { ...row, ...row.evaluate(measure) }));
const mariadbVersion = execFileSync(process.execPath, ['-e', `require('mysql2/promise').createConnection(${JSON.stringify(mariadbBenchUrl())}).then(async c => { const [r] = await c.query('SELECT VERSION() v, @@innodb_buffer_pool_size b'); console.log(r[0].v + ' (InnoDB buffer pool ' + Math.round(r[0].b / 1048576) + ' MB)'); await c.end(); })`], { encoding: 'utf8' }).trim();
const postgresVersion = postgresBaseUrl()
  ? `, PostgreSQL ${execFileSync(process.execPath, ['-e', `const pg = require('pg'); const c = new pg.Client(${JSON.stringify(postgresBaseUrl())}); c.connect().then(async () => { const r = await c.query('SHOW server_version'); console.log(r.rows[0].server_version); await c.end(); })`], { encoding: 'utf8' }).trim()}`
  : '';
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, MariaDB ${mariadbVersion}${postgresVersion}, load average (1/5/15 min) at start ${loadAtStart}, at end ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`;
const markdown = renderTable(rows, { date: new Date().toISOString(), machine, repeat });
writeFileSync(join(cacheDirectory, 'last-run.md'), markdown);
writeFileSync(join(cacheDirectory, 'last-run.json'), JSON.stringify({ machine, measured: Object.fromEntries(measured) }, null, 2));
process.stdout.write(markdown);
