import { stringify } from 'csv-stringify/sync';
import { cellGuard, type CsvCellOptions } from '@custcode/export';

/** Rows per CSV chunk when a file is written piece by piece. */
const CHUNK = 2000;

/**
 * A CSV file in pieces, the first with the BOM and the header: UTF-8 that Excel reads as such, formulas
 * escaped unless turned off. Joined, the pieces are the text one `stringify` of every row gives.
 */
export function* csvChunks(columns: readonly string[], rows: Iterable<readonly string[]>, options: CsvCellOptions = {}): Generator<string> {
  const guard = cellGuard(options);
  let chunk: string[][] = [];
  let first = true;
  const flush = () => {
    const text = stringify(chunk, { header: first, columns: [...columns], bom: first });
    first = false;
    chunk = [];
    return text;
  };
  for (const row of rows) {
    chunk.push(row.map(guard));
    if (chunk.length === CHUNK) yield flush();
  }
  if (chunk.length > 0 || first) yield flush();
}
