/**
 * Runs ONE measurement in this (fresh) process and prints one JSON line: wall seconds of the measured part,
 * peak RSS of the whole process (process.resourceUsage().maxRSS) and the measurement's own figures.
 * Usage: node bench/measure.mjs NAME [OUTPUT_FILE]
 */
import * as audit from './measures/audit.mjs';
import * as hub from './measures/hub.mjs';
import * as mariadb from './measures/mariadb.mjs';
import * as matching from './measures/match.mjs';
import * as migration from './measures/migrate.mjs';
import { sqliteFile5m } from './lib/bench-database-5m.mjs';
import * as postgres from './measures/postgres.mjs';
import * as rules from './measures/rules.mjs';
import * as sap from './measures/sap.mjs';
import * as sapOData from './measures/sap-odata.mjs';
import * as sqlite from './measures/sqlite.mjs';

const [name, file = '/dev/null'] = process.argv.slice(2);

/** Each entry returns the function to time; anything done before it returns (test data) is not timed. */
const measurements = {
  'mariadb-getmany-custcode': () => () => mariadb.getManyCustcode(),
  'mariadb-getmany-raw': () => () => mariadb.getManyRaw(),
  'mariadb-csv-custcode': () => () => mariadb.csvCustcode(file),
  'mariadb-csv-raw': () => () => mariadb.csvRaw(file),
  'mariadb-csv-raw-lines': () => () => mariadb.csvRawLines(file),
  'mariadb-csv100k-custcode': () => () => mariadb.csvCustcode(file, 100_000),
  'mariadb-csvf-custcode': () => () => mariadb.csvFieldsCustcode(file),
  'mariadb-csvf-raw-lines': () => () => mariadb.csvFieldsRawLines(file),
  'mariadb-csvf100k-custcode': () => () => mariadb.csvFieldsCustcode(file, 100_000),
  'mariadb-xlsx-custcode': () => () => mariadb.xlsxCustcode(file),
  'mariadb-xlsx-raw': () => () => mariadb.xlsxRaw(file),
  'sqlite-getmany-custcode': () => () => sqlite.getManyCustcode(),
  'sqlite-getmany-raw': () => () => sqlite.getManyRaw(),
  'sqlite-csv-custcode': () => () => sqlite.csvCustcode(file),
  'sqlite-csv-raw': () => () => sqlite.csvRaw(file),
  'sqlite-csv-raw-lines': () => () => sqlite.csvRawLines(file),
  'sqlite-csvf-custcode': () => () => sqlite.csvFieldsCustcode(file),
  'sqlite-csvf-raw-lines': () => () => sqlite.csvFieldsRawLines(file),
  'postgres-getmany-custcode': () => () => postgres.getManyCustcode(),
  'postgres-getmany-raw': () => () => postgres.getManyRaw(),
  'postgres-csv-custcode': () => () => postgres.csvCustcode(file),
  'postgres-csv-raw': () => () => postgres.csvRaw(file),
  'postgres-csv-raw-lines': () => () => postgres.csvRawLines(file),
  'rules-custcode': () => rules.prepareCustcode(),
  'rules-raw': () => rules.prepareRaw(),
  'audit-exact': () => audit.prepare(false),
  'audit-near': () => audit.prepare(true),
  'sap-scan': () => sap.prepare(),
  'sap-scan-projected': () => sap.prepare(sap.PROJECTED_FIELDS),
  'sap-odata-scan': () => sapOData.prepareScan(),
  'sap-odata-lookups': () => sapOData.prepareLookups(),
  'migrate-custcode': () => () => migration.migrateCustcode(true),
  'migrate-memory': () => () => migration.migrateCustcode(false),
  'migrate-5m': () => () => migration.migrateCustcode(true, sqliteFile5m),
  'match-uscc': () => matching.prepare('uscc'),
  'match-org-code': () => matching.prepare('org-code'),
  'match-phone-name': () => matching.prepare('phone-name'),
  'match-score': () => matching.prepare('score'),
  'hub-sync-mariadb': () => hub.prepareMariadbFull(),
  'hub-sync-sqlite-full': () => hub.prepareSqliteFull(),
  'hub-sync-sqlite-incremental': () => hub.prepareSqliteIncremental(),
};

const prepare = measurements[name];
if (!prepare) {
  console.error(`Unknown measurement "${name}". Known: ${Object.keys(measurements).join(', ')}`);
  process.exit(2);
}
const run = await prepare();
const started = performance.now();
const result = await run();
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ name, seconds, maxRssMb, ...result }));
