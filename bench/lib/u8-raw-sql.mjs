/**
 * The hand-written baseline: the SQL a developer would write for the U8 `Customer` table (same joins and
 * columns custcode reads, dates formatted and status derived in SQL), turned into the same CSV/XLSX rows.
 */
export const EXPORT_HEADER = ['code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt', 'org'];

const isoMysql = (column) => `DATE_FORMAT(${column}, '%Y-%m-%dT%H:%i:%s')`;
const isoSqlite = (column) => `strftime('%Y-%m-%dT%H:%M:%S', ${column})`;
const isoPostgres = (column) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS')`;

/** PostgreSQL keeps the seeder's mixed-case names only when quoted: `c.cCusCode` → `c."cCusCode"`. */
const quoted = (sql) => sql.replace(/\b([a-z]+)\.([A-Za-z]+)\b/g, '$1."$2"').replace(/\b(Customer|CustomerClass|DistrictClass) (c|cc|dc)\b/g, '"$1" $2');

function selectList(iso) {
  return [
    'c.cCusCode', 'c.cCusName', 'c.cCusAbbName', 'c.cCusRegCode', 'c.cCusPhone', 'c.cCusPerson', 'c.cCusAddress',
    'cc.cCCName', 'dc.cDCName',
    "CASE WHEN c.dEndDate IS NOT NULL THEN 'blocked' ELSE 'active' END AS status",
    `${iso('c.dCusCreateDatetime')} AS createdAt`, `${iso('c.dModifyDate')} AS updatedAt`,
  ].join(', ');
}

/** The projected export (`--fields code,name,taxId`): the same SELECT of only those three columns, no joins. */
export const PROJECTED_FIELDS = ['code', 'name', 'taxId'];
const projectedList = 'c.cCusCode, c.cCusName, c.cCusRegCode';
const projectedScan = (limit) => `SELECT ${projectedList} FROM Customer c ORDER BY c.cCusCode${limit ? ` LIMIT ${Number(limit)}` : ''}`;

const from = 'FROM Customer c LEFT JOIN CustomerClass cc ON c.cCCCode = cc.cCCCode LEFT JOIN DistrictClass dc ON c.cDCCode = dc.cDCCode';

export const rawSql = {
  mysql: {
    scan: (limit) => `SELECT ${selectList(isoMysql)} ${from} ORDER BY c.cCusCode${limit ? ` LIMIT ${Number(limit)}` : ''}`,
    lookup: `SELECT ${selectList(isoMysql)} ${from} WHERE c.cCusCode IN (?)`,
    projectedScan,
  },
  sqlite: {
    scan: (limit) => `SELECT ${selectList(isoSqlite)} ${from} ORDER BY c.cCusCode${limit ? ` LIMIT ${Number(limit)}` : ''}`,
    lookup: (count) => `SELECT ${selectList(isoSqlite)} ${from} WHERE c.cCusCode IN (${Array(count).fill('?').join(', ')})`,
    projectedScan,
  },
  postgres: {
    scan: (limit) => quoted(`SELECT ${selectList(isoPostgres)} ${from} ORDER BY c.cCusCode${limit ? ` LIMIT ${Number(limit)}` : ''}`),
    lookup: quoted(`SELECT ${selectList(isoPostgres)} ${from} WHERE c.cCusCode = ANY($1)`),
    projectedScan: (limit) => quoted(projectedScan(limit)),
  },
};

/** A result row (array mode) as the export's cells: null → '', org (none in U8) → ''. */
export function rowCells(row) {
  const cells = new Array(13);
  for (let index = 0; index < 12; index++) cells[index] = row[index] ?? '';
  cells[12] = '';
  return cells;
}

/** RFC 4180 quoting as csv-stringify does it by default: quote a cell with a comma, quote or line break, doubling quotes. */
const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value) => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A result row (array mode) as one CSV line of the 13 export columns, the same bytes as csv-stringify writes. */
export function rowLine(row) {
  let line = csvCell(row[0] ?? '');
  for (let index = 1; index < 12; index++) line += `,${csvCell(row[index] ?? '')}`;
  return `${line},\n`;
}

/** BOM and header line, as csv-stringify writes them. */
export const CSV_HEAD = `\uFEFF${EXPORT_HEADER.join(',')}\n`;

/** A projected row (code, name, taxId) as one CSV line. */
export function projectedLine(row) {
  return `${csvCell(row[0] ?? '')},${csvCell(row[1] ?? '')},${csvCell(row[2] ?? '')}\n`;
}

/** BOM and header line of the projected export. */
export const PROJECTED_HEAD = `\uFEFF${PROJECTED_FIELDS.join(',')}\n`;
