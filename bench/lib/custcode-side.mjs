/** The custcode side of the getMany and CSV measurements, the same for every driver: only the source differs. */
import { createWriteStream } from 'node:fs';
import { writeCsv } from '@custcode/export';
import { readLookupCodes } from './codes-file.mjs';

/** getMany of the lookup codes through a source; closes it. */
export async function getManyThrough(customers) {
  const codes = readLookupCodes();
  let found = 0;
  for await (const result of customers.getMany(codes)) if (result.customer) found++;
  await customers.close();
  return { rows: codes.length, found };
}

/** The whole table (or its first `limit` rows) as CSV through a source; closes it. */
export async function csvThrough(customers, file, limit) {
  const rows = await writeCsv(customers.search(limit ? { limit } : {}), createWriteStream(file));
  await customers.close();
  return { rows };
}
