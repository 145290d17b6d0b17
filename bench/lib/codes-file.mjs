/**
 * The 100,000 codes of the getMany benchmark: drawn with a fixed LCG from the table's codes, about 9 %
 * replaced by codes that do not exist (as in the raw-driver baseline), written once to bench/.data (again whenever the database is refilled).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirectory } from './bench-database.mjs';

export const LOOKUP_COUNT = 100_000;
const file = join(cacheDirectory, 'lookup-codes.txt');

export function readLookupCodes() {
  return readFileSync(file, 'utf8').split('\n').filter((code) => code !== '');
}

export async function ensureLookupCodes(url, refresh = false) {
  if (existsSync(file) && !refresh) return;
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: url });
  const [rows] = await connection.query({ sql: 'SELECT cCusCode FROM Customer ORDER BY cCusCode', rowsAsArray: true });
  await connection.end();
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const codes = [];
  for (let index = 0; index < LOOKUP_COUNT; index++) {
    const pick = next() % Math.floor(rows.length * 1.1);
    codes.push(pick < rows.length ? rows[pick][0] : `KH2099${String(pick).padStart(7, '0')}`);
  }
  writeFileSync(file, `${codes.join('\n')}\n`);
}
