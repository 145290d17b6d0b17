#!/usr/bin/env node
// A migration consultant's day, U8 → K/3 Cloud, on the demo databases: audit the U8 customers, define the K/3 Cloud
// numbering rule, translate class/region/org values, migrate against the live K/3 Cloud database (read only, so no
// number it holds is ever handed out), decide the near-duplicates, migrate again (earlier numbers stay) and show the
// crosswalk. Nothing is written to either ERP.
// Usage: node examples/u8-to-k3cloud-migration/migrate.mjs DEMO_DIR [--out DIR]   (DEMO_DIR from `custcode demo --dir DEMO_DIR`)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { runCli } from '@custcode/cli';
import { parseCrosswalk } from '@custcode/migrate';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'migration' } } });
const demoDir = positionals[0] && resolve(positionals[0]);
if (!demoDir || !existsSync(join(demoDir, 'custcode.config.json')) || !existsSync(join(demoDir, 'u8.sqlite'))) {
  console.error('Usage: node examples/u8-to-k3cloud-migration/migrate.mjs DEMO_DIR [--out DIR]');
  console.error('DEMO_DIR must hold the demo: create it with `node packages/cli/dist/bin.js demo --dir DEMO_DIR`.');
  process.exit(2);
}
const out = resolve(demoDir, values.out);
const log = (label, text) => console.log(`${`[${label}]`.padEnd(12)} ${text}`);

/** Runs a custcode command in-process in the demo directory; stdout and stderr are captured. */
async function custcode(...argv) {
  const capture = () => {
    const stream = new PassThrough();
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const [stdout, stderr] = [capture(), capture()];
  const exitCode = await runCli(argv, { stdout: stdout.stream, stderr: stderr.stream, stdin: process.stdin, stderrIsTTY: false, env: process.env, cwd: demoDir });
  if (exitCode >= 2) throw new Error(`custcode ${argv.join(' ')} failed (exit ${exitCode}): ${stderr.text() || stdout.text()}`);
  return { exitCode, stdout: stdout.text() };
}

// 1. Audit the source: what the customer master looks like before anyone promises a clean migration.
const report = JSON.parse((await custcode('audit', 'u8', '--json')).stdout);
const { summary } = report;
log('audit', `u8: ${report.total} customers; ${summary.duplicates} duplicate codes, ${summary.missing} without a code, ${summary.formatViolations} off-pattern codes, ${summary.nearDuplicates} near-duplicate groups`);

// 2. The K/3 Cloud numbering rule (编码规则), kept in the config next to the sources.
const configFile = join(demoDir, 'custcode.config.json');
const config = JSON.parse(readFileSync(configFile, 'utf8'));
config.rules = { ...config.rules, k3cloud: 'KH{YYYY}{seq:4}' };
writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
const explained = JSON.parse((await custcode('rule', 'explain', 'k3cloud', '--json')).stdout);
log('rule', `k3cloud = ${config.rules.k3cloud}: ${explained.en} / ${explained.zh}`);

// 3. Value translations: U8 class and district names → the K/3 Cloud customer group and 地区 numbers; every customer
//    goes to the creating/use organisation 100001. One class is left out on purpose: it is listed, not dropped.
const customers = JSON.parse((await custcode('search', 'u8', '--json')).stdout);
const category = {};
const region = {};
for (const customer of customers) {
  if (customer.category && customer.raw.cCCCode) category[customer.category] = customer.raw.cCCCode;
  if (customer.region && customer.raw.cDCCode) region[customer.region] = customer.raw.cDCCode;
}
const heldBack = Object.keys(category).sort()[0];
const mapFile = join(demoDir, 'value-map.json');
const writeMap = (categories) => writeFileSync(mapFile, `${JSON.stringify({ category: categories, region, org: { '*': '100001' } }, null, 2)}\n`);
writeMap(Object.fromEntries(Object.entries(category).filter(([name]) => name !== heldBack)));
log('map', `${Object.keys(category).length - 1} of ${Object.keys(category).length} classes, ${Object.keys(region).length} districts, org * → 100001 (held back: ${heldBack})`);

// 4. First run against the live K/3 Cloud database.
const migrateArgs = ['migrate', 'u8', '--rule', 'k3cloud', '--target', 'k3', '--map', mapFile, '--out', out, '--json'];
const first = await custcode(...migrateArgs);
const firstSummary = JSON.parse(first.stdout);
const counts = (item) => Object.entries(item.decisions).map(([decision, count]) => `${decision} ${count}`).join(', ');
log('run 1', `exit ${first.exitCode}: ${counts(firstSummary)}; ${firstSummary.skippedNumbers} numbers passed over (K/3 Cloud holds them)`);
for (const item of firstSummary.unmapped) log('run 1', `unmapped ${item.field} "${item.value}" (${item.count} customers, e.g. ${item.examples.map((code) => JSON.stringify(code)).join(', ')})`);
log('run 1', `${firstSummary.nearDuplicates.undecided} near-duplicate groups wait for a decision`);
const firstRows = parseCrosswalk(readFileSync(join(out, 'crosswalk.csv'), 'utf8'));

// 5. Decide: each near-duplicate group is one customer, kept under its first code; complete the value map.
const decisions = report.nearDuplicates.flatMap((group) => group.codes.slice(1).map((code) => ({ oldCode: code, decision: 'merge', into: group.codes[0] })));
const decisionsFile = join(demoDir, 'decisions.json');
writeFileSync(decisionsFile, `${JSON.stringify(decisions, null, 2)}\n`);
writeMap(category);
log('decide', `${decisions.length} merges written to ${decisionsFile}; ${heldBack} → ${category[heldBack]} added to the map`);

// 6. Second run: the decisions are applied, every earlier number stays.
const second = await custcode(...migrateArgs, '--decisions', decisionsFile);
const secondSummary = JSON.parse(second.stdout);
log('run 2', `exit ${second.exitCode}: ${counts(secondSummary)}; ${secondSummary.carriedOver} carried over, ${secondSummary.unmapped.length} unmapped values`);
const secondRows = parseCrosswalk(readFileSync(join(out, 'crosswalk.csv'), 'utf8'));
const merged = new Set(decisions.map((decision) => decision.oldCode));
const after = new Map(secondRows.map((row) => [row.oldCode, row]));
const kept = firstRows.filter((row) => !merged.has(row.oldCode));
const unchanged = kept.filter((row) => after.get(row.oldCode)?.newCode === row.newCode).length;
log('run 2', `${unchanged} of ${kept.length} earlier numbers unchanged; ${secondRows.filter((row) => row.decision === 'merged-into').length} customers merged`);

// 7. The crosswalk and the K/3 Cloud import file.
for (const row of secondRows.slice(0, 8)) {
  log('crosswalk', `${JSON.stringify(row.oldCode).padEnd(14)} → ${row.newCode.padEnd(11)} ${row.decision.padEnd(11)} ${row.name}`);
}
for (const file of secondSummary.files) log('file', file);
process.exit(second.exitCode === 0 && unchanged === kept.length ? 0 : 1);
