/** SQLite measurements: custcode (U8 source over better-sqlite3) and hand-written better-sqlite3 code. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { sqliteFile } from '../lib/bench-database.mjs';
import { readLookupCodes } from '../lib/codes-file.mjs';
import { csvThrough, getManyThrough } from '../lib/custcode-side.mjs';
import { CSV_HEAD, EXPORT_HEADER, PROJECTED_FIELDS, PROJECTED_HEAD, projectedLine, rawSql, rowCells, rowLine } from '../lib/u8-raw-sql.mjs';

const BATCH = 1_000;
const source = () => createYonyouSource({ name: 'bench', product: 'u8', connection: `sqlite:${sqliteFile}` });
const open = async () => new (await import('better-sqlite3')).default(sqliteFile, { readonly: true });

export const getManyCustcode = () => getManyThrough(source());

export async function getManyRaw() {
  const codes = readLookupCodes();
  const db = await open();
  const statements = new Map();
  let found = 0;
  for (let start = 0; start < codes.length; start += BATCH) {
    const batch = codes.slice(start, start + BATCH);
    const unique = [...new Set(batch)];
    let statement = statements.get(unique.length);
    if (!statement) statements.set(unique.length, (statement = db.prepare(rawSql.sqlite.lookup(unique.length)).raw(true)));
    const byCode = new Map(statement.all(...unique).map((row) => [row[0], row]));
    for (const code of batch) if (byCode.get(code)) found++;
  }
  db.close();
  return { rows: codes.length, found };
}

export const csvCustcode = (file, limit) => csvThrough(source(), file, limit);
/** `export --fields code,name,taxId`. */
export const csvFieldsCustcode = (file, limit) => csvThrough(source(), file, limit, PROJECTED_FIELDS);

/** `iterate()` over one statement into csv-stringify, waiting for drain. */
export async function csvRaw(file) {
  const db = await open();
  const output = createWriteStream(file);
  const stringifier = stringify({ header: true, columns: EXPORT_HEADER, bom: true });
  stringifier.pipe(output);
  let rows = 0;
  for (const row of db.prepare(rawSql.sqlite.scan()).raw(true).iterate()) {
    rows++;
    if (!stringifier.write(rowCells(row))) await once(stringifier, 'drain');
  }
  stringifier.end();
  await once(output, 'finish');
  db.close();
  return { rows };
}

/** The fastest hand-written export found: `iterate()`, lines built by hand (same bytes as csv-stringify), one write per 1,000 rows. */
export const csvRawLines = (file) => iteratedLines(file, rawSql.sqlite.scan(), CSV_HEAD, rowLine);
/** The same for the three projected columns: the SELECT of only those columns, lines built by hand. */
export const csvFieldsRawLines = (file) => iteratedLines(file, rawSql.sqlite.projectedScan(), PROJECTED_HEAD, projectedLine);

async function iteratedLines(file, sql, head, line) {
  const db = await open();
  const output = createWriteStream(file);
  output.write(head);
  let rows = 0;
  let chunk = '';
  for (const row of db.prepare(sql).raw(true).iterate()) {
    chunk += line(row);
    if (++rows % BATCH !== 0) continue;
    if (!output.write(chunk)) await once(output, 'drain');
    chunk = '';
  }
  output.end(chunk);
  await once(output, 'finish');
  db.close();
  return { rows };
}
