/** MariaDB measurements: custcode (U8 source over mysql2) and the best hand-written mysql2 code, same data. */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { mariadbBenchUrl } from '../lib/bench-database.mjs';
import { readLookupCodes } from '../lib/codes-file.mjs';
import { csvThrough, getManyThrough } from '../lib/custcode-side.mjs';
import { CSV_HEAD, EXPORT_HEADER, PROJECTED_FIELDS, PROJECTED_HEAD, projectedLine, rawSql, rowCells, rowLine } from '../lib/u8-raw-sql.mjs';

const BATCH = 1_000;
const source = () => createYonyouSource({ name: 'bench', product: 'u8', connection: mariadbBenchUrl() });
const connect = async () => (await import('mysql2/promise')).createConnection({ uri: mariadbBenchUrl(), charset: 'utf8mb4' });
const rawConnection = async () => (await import('mysql2')).createConnection({ uri: mariadbBenchUrl(), charset: 'utf8mb4' });

export const getManyCustcode = () => getManyThrough(source());

/** Deduplicated codes, `IN (?)` batches of 1,000 (mysql2 expands the array), results mapped back to the input order. */
export async function getManyRaw() {
  const codes = readLookupCodes();
  const connection = await connect();
  let found = 0;
  for (let start = 0; start < codes.length; start += BATCH) {
    const batch = codes.slice(start, start + BATCH);
    const [rows] = await connection.query({ sql: rawSql.mysql.lookup, rowsAsArray: true }, [[...new Set(batch)]]);
    const byCode = new Map(rows.map((row) => [row[0], row]));
    for (const code of batch) if (byCode.get(code)) found++;
  }
  await connection.end();
  return { rows: codes.length, found };
}

export const csvCustcode = (file, limit) => csvThrough(source(), file, limit);
/** `export --fields code,name,taxId`. */
export const csvFieldsCustcode = (file, limit) => csvThrough(source(), file, limit, PROJECTED_FIELDS);

/** One streamed SELECT (`query().stream()`), csv-stringify with BOM and header, back-pressure through pipeline. */
export async function csvRaw(file, limit) {
  const connection = await rawConnection();
  let rows = 0;
  const cells = new Transform({
    objectMode: true,
    transform(row, _encoding, callback) {
      rows++;
      callback(null, rowCells(row));
    },
  });
  await pipeline(
    connection.query({ sql: rawSql.mysql.scan(limit), rowsAsArray: true }).stream({ highWaterMark: 1000 }),
    cells,
    stringify({ header: true, columns: EXPORT_HEADER, bom: true }),
    createWriteStream(file),
  );
  connection.end();
  return { rows };
}

/**
 * The fastest hand-written export found: one streamed SELECT read through mysql2's row events, lines built by
 * hand (same bytes as csv-stringify), one write per 1,000 rows, the query paused while the file is full.
 */
export const csvRawLines = (file, limit) => streamedLines(file, rawSql.mysql.scan(limit), CSV_HEAD, rowLine);
/** The same for the three projected columns: the SELECT of only those columns, lines built by hand. */
export const csvFieldsRawLines = (file, limit) => streamedLines(file, rawSql.mysql.projectedScan(limit), PROJECTED_HEAD, projectedLine);

async function streamedLines(file, sql, head, line) {
  const connection = await rawConnection();
  const output = createWriteStream(file);
  output.write(head);
  let rows = 0;
  let chunk = '';
  await new Promise((resolve, reject) => {
    const query = connection.query({ sql, rowsAsArray: true });
    query.on('error', reject);
    query.on('result', (row) => {
      chunk += line(row);
      if (++rows % BATCH !== 0) return;
      if (!output.write(chunk)) {
        connection.pause();
        output.once('drain', () => connection.resume());
      }
      chunk = '';
    });
    query.on('end', resolve);
  });
  output.end(chunk);
  await new Promise((resolve, reject) => output.once('finish', resolve).once('error', reject));
  connection.end();
  return { rows };
}

export async function xlsxCustcode(file) {
  const { writeXlsx } = await import('@custcode/export/xlsx');
  const customers = source();
  const rows = await writeXlsx(customers.search(), createWriteStream(file));
  await customers.close();
  return { rows };
}

/** exceljs streaming writer as the dependency check measured it (no styles, no shared strings), yielding every 1,000 rows. */
export async function xlsxRaw(file) {
  const { default: ExcelJS } = await import('exceljs');
  const connection = await rawConnection();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('customers');
  sheet.addRow(EXPORT_HEADER).commit();
  let rows = 0;
  for await (const row of connection.query({ sql: rawSql.mysql.scan(), rowsAsArray: true }).stream({ highWaterMark: 1000 })) {
    sheet.addRow(rowCells(row)).commit();
    if (++rows % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  connection.end();
  return { rows };
}
