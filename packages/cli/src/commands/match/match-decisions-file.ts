import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { decisionsOfRecords, type MatchDecision, matchColumnOf, parseMatchDecisions, REVIEW_COLUMNS } from '@custcode/match';
import { readTableFile } from '../../sources/read-table-file.js';
import { UsageError } from '../../output/usage-error.js';
import { readInputFile } from '../migrate/migrate-files.js';

/**
 * `match --decisions FILE`: the review list with its decision column filled, as review.csv (or JSON) or as
 * review.xlsx edited in Excel — headers in English or Chinese (`客户编号 A`), as `match --format xlsx` wrote them.
 */
export async function readMatchDecisions(path: string): Promise<MatchDecision[]> {
  if (extname(path).toLowerCase() !== '.xlsx') return parseMatchDecisions(readInputFile(path, '--decisions'));
  const records: Array<Record<string, unknown>> = [];
  try {
    for await (const row of readTableFile(path, {})) {
      const record: Record<string, unknown> = {};
      for (const [header, value] of Object.entries(row)) {
        const column = matchColumnOf(header, REVIEW_COLUMNS);
        if (column !== undefined) record[column] = value;
      }
      records.push(record);
    }
  } catch (error) {
    // exceljs reports a missing file in its own words: ask the file system.
    const missing = !existsSync(path);
    throw new UsageError({ message: `Cannot read --decisions ${path}: ${missing ? 'no such file' : 'not a readable XLSX workbook'}.`, hint: missing ? 'Check the path given to --decisions.' : 'Pass the review.xlsx (or review.csv) that match wrote, with the decision column filled.', cause: error });
  }
  return decisionsOfRecords(records, 'row');
}
