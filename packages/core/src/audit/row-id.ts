/** Raw columns that identify a row when the code cannot: ERP internal ids, file row numbers. */
const ROW_ID_COLUMNS = [
  'rowid', 'row', '_row', '__row', 'rownumber', 'line', 'id',
  'fcustid', 'fitemid', 'cust_account_id', 'party_id', 'pk_customer', 'icusid', 'kunnr',
];
const rank = new Map(ROW_ID_COLUMNS.map((column, index) => [column, index]));

/** The best row identifier in `raw`, as a string, or null. */
export function rowIdOf(raw: Record<string, unknown> | undefined): string | null {
  if (!raw) return null;
  let best: string | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const key in raw) {
    const position = rank.get(key.toLowerCase());
    if (position === undefined || position >= bestRank) continue;
    const value = raw[key];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') continue;
    best = String(value);
    bestRank = position;
  }
  return best;
}
