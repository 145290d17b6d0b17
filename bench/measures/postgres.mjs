/** PostgreSQL measurements: custcode (U8 source over pg) and the best hand-written pg code, same data. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { postgresBenchUrl } from '../lib/bench-database.mjs';
import { readLookupCodes } from '../lib/codes-file.mjs';
import { csvThrough, getManyThrough } from '../lib/custcode-side.mjs';
import { CSV_HEAD, EXPORT_HEADER, rawSql, rowCells, rowLine } from '../lib/u8-raw-sql.mjs';

const BATCH = 1_000;
/** Rows per FETCH from the server-side cursor (2,000–10,000 measured alike; 5,000 keeps memory flat). */
const FETCH = 5_000;
const source = () => createYonyouSource({ name: 'bench', product: 'u8', connection: postgresBenchUrl() });

async function connect() {
  const { default: pg } = await import('pg');
  // Dates as the server's text, as custcode reads them (the raw SQL formats them itself anyway).
  const client = new pg.Client({ connectionString: postgresBenchUrl() });
  await client.connect();
  return client;
}

export const getManyCustcode = () => getManyThrough(source());

/** Deduplicated codes, `= ANY($1)` with one array parameter per batch of 1,000, results mapped back to the input order. */
export async function getManyRaw() {
  const codes = readLookupCodes();
  const client = await connect();
  let found = 0;
  for (let start = 0; start < codes.length; start += BATCH) {
    const batch = codes.slice(start, start + BATCH);
    const { rows } = await client.query({ text: rawSql.postgres.lookup, values: [[...new Set(batch)]], rowMode: 'array' });
    const byCode = new Map(rows.map((row) => [row[0], row]));
    for (const code of batch) if (byCode.get(code)) found++;
  }
  await client.end();
  return { rows: codes.length, found };
}

export const csvCustcode = (file, limit) => csvThrough(source(), file, limit);

/**
 * One SELECT through a server-side cursor (`DECLARE … NO SCROLL CURSOR`, `FETCH 5000`), the next FETCH sent
 * before the current rows are written, so the server works while the rows are turned into text.
 */
async function* cursorRows(limit) {
  const client = await connect();
  await client.query('BEGIN READ ONLY');
  await client.query(`DECLARE bench_rows NO SCROLL CURSOR FOR ${rawSql.postgres.scan(limit)}`);
  const fetch = () => client.query({ text: `FETCH ${FETCH} FROM bench_rows`, rowMode: 'array' });
  let next = fetch();
  for (;;) {
    const { rows } = await next;
    if (rows.length === 0) break;
    next = fetch();
    yield rows;
  }
  await client.query('COMMIT');
  await client.end();
}

/** The cursor's rows into csv-stringify row by row, waiting for drain. */
export async function csvRaw(file, limit) {
  const output = createWriteStream(file);
  const stringifier = stringify({ header: true, columns: EXPORT_HEADER, bom: true });
  stringifier.pipe(output);
  let rows = 0;
  for await (const page of cursorRows(limit)) {
    for (const row of page) {
      rows++;
      if (!stringifier.write(rowCells(row))) await once(stringifier, 'drain');
    }
  }
  stringifier.end();
  await once(output, 'finish');
  return { rows };
}

/** The fastest hand-written export found: the cursor's rows as lines built by hand (same bytes as csv-stringify), one write per FETCH. */
export async function csvRawLines(file, limit) {
  const output = createWriteStream(file);
  output.write(CSV_HEAD);
  let rows = 0;
  for await (const page of cursorRows(limit)) {
    let chunk = '';
    for (const row of page) chunk += rowLine(row);
    rows += page.length;
    if (!output.write(chunk)) await once(output, 'drain');
  }
  output.end();
  await once(output, 'finish');
  return { rows };
}
