/** Raw columns that identify a row when the code cannot: ERP internal ids, file row numbers (best first). */
const ROW_ID_COLUMNS = [
  'rowid', 'row', '_row', '__row', 'rownumber', 'line', 'id',
  'fcustid', 'fitemid', 'cust_account_id', 'party_id', 'pk_customer',
];
const rank = new Map(ROW_ID_COLUMNS.map((column, index) => [column, index]));

const asText = (value: unknown): string | null =>
  value === null || value === undefined || value === '' || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint')
    ? null
    : String(value);

/** The best row identifier in `raw`, as a string, or null. */
export function rowIdOf(raw: Record<string, unknown> | undefined): { column: string; value: string } | null {
  if (!raw) return null;
  let best: { column: string; value: string } | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const column in raw) {
    const position = rank.get(column.toLowerCase());
    if (position === undefined || position >= bestRank) continue;
    const value = asText(raw[column]);
    if (value === null) continue;
    best = { column, value };
    bestRank = position;
  }
  return best;
}

/**
 * Row ids of a stream: records of one source share their raw columns, so the column found for one
 * record is read directly from the next (a scan of every column per record adds up on wide tables).
 */
export function createRowIdReader(): (raw: Record<string, unknown> | undefined) => string | null {
  let column: string | undefined;
  return (raw) => {
    if (!raw) return null;
    if (column !== undefined) {
      const value = asText(raw[column]);
      if (value !== null) return value;
    }
    const found = rowIdOf(raw);
    if (found) column = found.column;
    return found?.value ?? null;
  };
}
