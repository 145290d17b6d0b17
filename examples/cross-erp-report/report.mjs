#!/usr/bin/env node
// What a reporting team does with custcode: read the customers of four ERPs (Yonyou U8, Kingdee K/3 Cloud,
// Oracle EBS, SAP) in the one Customer shape, export them together, summarise each source and find the
// companies that several ERPs hold under their own codes (matched by tax id, 统一社会信用代码).
// Usage: node examples/cross-erp-report/report.mjs DEMO_DIR OUT_DIR   (DEMO_DIR from `custcode demo --dir DEMO_DIR`)
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { createKingdeeSource } from '@custcode/adapter-kingdee';
import { createOracleEbsSource } from '@custcode/adapter-oracle';
import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, readEmulatorData } from '@custcode/adapter-sap/emulator';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { CUSTOMER_STATUSES } from '@custcode/core';
import { DEFAULT_EXPORT_FIELDS, writeCsv } from '@custcode/export';
import { writeXlsx } from '@custcode/export/xlsx';
import { createTally, printMatches, printSummary, taxIdMatches } from './report-tables.mjs';

const [demoArgument, outArgument] = process.argv.slice(2);
const demoFiles = ['u8.sqlite', 'k3cloud.sqlite', 'ebs.sqlite', 'sap-emulator.json'];
if (!demoArgument || !outArgument || demoFiles.some((file) => !existsSync(join(demoArgument, file)))) {
  console.error('Usage: node examples/cross-erp-report/report.mjs DEMO_DIR OUT_DIR');
  console.error(`DEMO_DIR must hold ${demoFiles.join(', ')}: create it with \`node packages/cli/dist/bin.js demo --dir DEMO_DIR\`.`);
  process.exit(2);
}
const demoDir = resolve(demoArgument);
const outDir = resolve(outArgument);
mkdirSync(outDir, { recursive: true });

// Four ERPs, four table layouts, one contract. Production would pass mssql:// / oracle:// URLs and an SAP client.
const sources = [
  createYonyouSource({ name: 'u8', product: 'u8', connection: `sqlite:${join(demoDir, 'u8.sqlite')}` }),
  createKingdeeSource({ name: 'k3', product: 'k3cloud', connection: `sqlite:${join(demoDir, 'k3cloud.sqlite')}` }),
  createOracleEbsSource({ name: 'ebs', connection: `sqlite:${join(demoDir, 'ebs.sqlite')}` }),
  createSapSource({ name: 'sap', client: createRfcEmulator(await readEmulatorData(join(demoDir, 'sap-emulator.json'))) }),
];

/** Every customer of every source, one stream; `onCustomer` sees each record on its way to the writer. */
async function* everyCustomer(onCustomer = () => {}) {
  for (const source of sources) {
    for await (const customer of source.search({})) {
      onCustomer(customer);
      yield customer;
    }
  }
}

// (a) One combined file, `source` and `erp` first. The CSV pass also feeds the summary and the tax-id index.
const fields = ['source', 'erp', ...DEFAULT_EXPORT_FIELDS];
const tally = createTally(sources.map((source) => source.name));
const csvFile = join(outDir, 'customers.csv');
const csvOutput = createWriteStream(csvFile);
const csvRows = await writeCsv(everyCustomer(tally.add), csvOutput, { fields });
await finished(csvOutput);
console.log(`Wrote ${csvRows} customers of ${sources.length} sources to ${csvFile}`);
const xlsxFile = join(outDir, 'customers.xlsx');
const xlsxOutput = createWriteStream(xlsxFile);
const xlsxRows = await writeXlsx(everyCustomer(), xlsxOutput, { fields, headers: 'zh', sheetName: '全部客户' });
await finished(xlsxOutput);
console.log(`Wrote ${xlsxRows} customers to ${xlsxFile} (Chinese headers)`);

// (b) Per source: what was read, next to what the source itself counts.
const summary = {};
for (const source of sources) {
  const reported = await source.count({});
  const byStatus = Object.fromEntries(await Promise.all(CUSTOMER_STATUSES.map(async (status) => [status, await source.count({ status })])));
  summary[source.name] = { erp: source.erp, read: tally.read(source.name), reported, byStatus, byRegion: tally.regions(source.name) };
}
printSummary(summary);

// (c) The same company in several ERPs: equal tax ids under each ERP's code, checked against the names.
const matches = taxIdMatches(tally.taxIds, sources.map((source) => source.name));
printMatches(matches);
const matchFile = join(outDir, 'tax-id-matches.csv');
const header = ['taxId', 'sources', 'namesAgree', ...sources.flatMap((source) => [`${source.name}Code`, `${source.name}Name`])];
const matchRows = matches.map((match) => [
  match.taxId,
  match.sources.join('+'),
  String(match.namesAgree),
  ...sources.flatMap((source) => {
    const held = match.bySource[source.name] ?? [];
    return [held.map((customer) => customer.code).join(' | '), held[0]?.name ?? ''];
  }),
]);
writeFileSync(matchFile, stringify([header, ...matchRows], { bom: true }), 'utf8');
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify({ rows: csvRows, sources: summary, taxIdMatches: matches.length, sameCompany: matches.filter((match) => match.namesAgree).length }, null, 2)}\n`, 'utf8');
console.log(`\nWrote ${matches.length} matches to ${matchFile} and the summary to ${join(outDir, 'summary.json')}`);
await Promise.all(sources.map((source) => source.close()));
