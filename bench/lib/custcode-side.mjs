/** The custcode side of the getMany and CSV measurements, the same for every driver: only the source differs. */
import { createWriteStream } from 'node:fs';
import { exportProjection, writeCsv } from '@custcode/export';
import { readLookupCodes } from './codes-file.mjs';

/** getMany of the lookup codes through a source; closes it. */
export async function getManyThrough(customers) {
  const codes = readLookupCodes();
  let found = 0;
  for await (const result of customers.getMany(codes)) if (result.customer) found++;
  await customers.close();
  return { rows: codes.length, found };
}

/**
 * The whole table (or its first `limit` rows) as CSV through a source, the default columns or only `fields`,
 * read as `custcode export` reads it (the search asks only for the exported fields); closes it.
 */
export async function csvThrough(customers, file, limit, fields) {
  const query = { ...(limit ? { limit } : {}), ...exportProjection('csv', fields) };
  const rows = await writeCsv(customers.search(query), createWriteStream(file), fields ? { fields } : {});
  await customers.close();
  return { rows };
}
