import { CUSTOMER_STATUSES } from '@custcode/core';
import { ConfigError } from '@custcode/core';
import { type CsvCellOptions, looksLikeJson, parseCsvRecords, parseJsonText, unescapeFormula } from '@custcode/export';
import { csvChunks } from './csv-chunks.js';
import { type CrosswalkRow, MIGRATION_DECISIONS, type MigrationDecision } from './migration-types.js';

/** The crosswalk CSV's columns, in order, and the row field each one holds. */
export const CROSSWALK_COLUMNS = [
  ['old_code', 'oldCode'],
  ['new_code', 'newCode'],
  ['decision', 'decision'],
  ['reason', 'reason'],
  ['merged_into', 'mergedInto'],
  ['held_by', 'heldBy'],
  ['review', 'review'],
  ['name', 'name'],
  ['org', 'org'],
  ['row_id', 'rowId'],
  ['source_status', 'sourceStatus'],
] as const satisfies ReadonlyArray<readonly [string, keyof CrosswalkRow]>;

/** The crosswalk CSV in pieces (the first with the BOM and the header), for rows read back from disk. */
export function* crosswalkCsvChunks(rows: Iterable<CrosswalkRow>, options: CsvCellOptions = {}): Generator<string> {
  const columns = CROSSWALK_COLUMNS.map(([column]) => column);
  yield* csvChunks(columns, mapRows(rows, (row) => CROSSWALK_COLUMNS.map(([, field]) => row[field])), options);
}

function* mapRows<T>(rows: Iterable<T>, map: (row: T) => string[]): Generator<string[]> {
  for (const row of rows) yield map(row);
}

/**
 * The crosswalk as CSV: UTF-8 with a BOM (Excel shows Chinese correctly), one row per source customer, formulas
 * escaped unless turned off (`parseCrosswalk` reverses the escape, so re-runs read back the very codes).
 */
export function crosswalkCsv(rows: Iterable<CrosswalkRow>, options: CsvCellOptions = {}): string {
  return [...crosswalkCsvChunks(rows, options)].join('');
}

/** The crosswalk as a JSON array in pieces, the text `JSON.stringify(rows, null, 2)` gives. */
export function* crosswalkJsonChunks(rows: Iterable<CrosswalkRow>): Generator<string> {
  let count = 0;
  for (const row of rows) yield `${count++ === 0 ? '[' : ','}\n  ${JSON.stringify(row, null, 2).replaceAll('\n', '\n  ')}`;
  yield count === 0 ? '[]' : '\n]';
}

const isDecision = (value: string): value is MigrationDecision => (MIGRATION_DECISIONS as readonly string[]).includes(value);
const isStatus = (value: string): value is CrosswalkRow['sourceStatus'] => value === 'missing' || (CUSTOMER_STATUSES as readonly string[]).includes(value);

function toRow(record: Record<string, unknown>, where: string): CrosswalkRow {
  const text = (column: string, field: keyof CrosswalkRow) => {
    const value = record[column] ?? record[field];
    return value === undefined || value === null ? '' : String(value);
  };
  const decision = text('decision', 'decision');
  if (!isDecision(decision)) {
    throw new ConfigError({ message: `Crosswalk ${where}: unknown decision "${decision}".`, hint: `A crosswalk row's decision is one of ${MIGRATION_DECISIONS.join(', ')}; was the file edited by hand?` });
  }
  const newCode = text('new_code', 'newCode');
  if (decision !== 'conflict' && newCode === '') throw new ConfigError({ message: `Crosswalk ${where}: a ${decision} row has no new_code.`, hint: 'Restore the new code, or delete the row to have it decided again.' });
  const status = text('source_status', 'sourceStatus');
  return {
    oldCode: text('old_code', 'oldCode'),
    newCode,
    decision,
    reason: text('reason', 'reason'),
    mergedInto: text('merged_into', 'mergedInto'),
    heldBy: text('held_by', 'heldBy'),
    review: text('review', 'review'),
    name: text('name', 'name'),
    org: text('org', 'org'),
    rowId: text('row_id', 'rowId'),
    sourceStatus: isStatus(status) ? status : 'active',
  };
}

/** Reads a stored crosswalk: the CSV `crosswalkCsv` writes, or a JSON array of rows (or `{ "rows": [...] }`). */
export function parseCrosswalk(text: string): CrosswalkRow[] {
  if (text.replace(/^\uFEFF/, '').trim() === '') return [];
  if (looksLikeJson(text)) {
    const parsed = parseJsonText(text, 'crosswalk') as unknown;
    const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown })?.rows;
    if (!Array.isArray(rows)) throw new ConfigError({ message: 'The crosswalk JSON must be an array of rows or { "rows": [...] }.', hint: 'Point --crosswalk at a file custcode migrate wrote.' });
    return rows.map((row: Record<string, unknown>, index) => toRow(row ?? {}, `row ${index + 1}`));
  }
  return parseCsvRecords(text, 'crosswalk', ['old_code', 'new_code', 'decision']).map((record, index) =>
    toRow(Object.fromEntries(Object.entries(record).map(([column, value]) => [column, unescapeFormula(value)])), `line ${index + 2}`),
  );
}
