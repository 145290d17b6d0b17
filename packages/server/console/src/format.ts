/** Pure formatting for the console (no DOM): counts, timestamps, odd codes, search-term ranges, sorting. */
import type { Lang } from './messages.js';

export interface CustomerRow {
  source: string;
  erp: string;
  code: string;
  name: string;
  status: 'active' | 'blocked' | 'deleted';
  org?: string;
  createdAt?: string;
  updatedAt?: string;
  raw?: Record<string, unknown>;
  [field: string]: unknown;
}

/** `1910` → `1,910` (both languages group by thousands). */
export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US').format(value);
}

export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatCount(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatCount(Math.round(bytes / 1024), lang)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const pad = (value: number) => String(value).padStart(2, '0');
const zoneless = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * `YYYY-MM-DD HH:mm` in the browser's time zone. A zone-less value is the ERP's local time and is shown
 * as stored (a date alone stays a date); one with `Z` or an offset is converted. Anything else as given.
 */
export function formatTimestamp(value: string): string {
  const local = zoneless.exec(value);
  if (local) return local[2] === undefined ? local[1]! : `${local[1]} ${local[2]}:${local[3]}`;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type CodeOddity = 'empty' | 'leading' | 'trailing' | 'full-width';

/** What makes a stored code look like another one or like none: empty, surrounding spaces, full-width characters. */
export function codeOddities(code: string): CodeOddity[] {
  if (code.trim() === '') return ['empty'];
  const odd: CodeOddity[] = [];
  if (/^\s/.test(code)) odd.push('leading');
  if (/\s$/.test(code)) odd.push('trailing');
  // Full-width ASCII forms and the ideographic space: NFKC folds them to ordinary letters and digits.
  if (/[\uFF01-\uFF5E\u3000]/.test(code)) odd.push('full-width');
  return odd;
}

/** Where `term` occurs in `text`, case ignored: [start, end) pairs, not overlapping. */
export function matchRanges(text: string, term: string): Array<[number, number]> {
  const needle = term.trim().toLowerCase();
  if (needle === '') return [];
  const haystack = text.toLowerCase();
  // Lower-casing can change the length (rare letters); then nothing is marked rather than the wrong characters.
  if (haystack.length !== text.length) return [];
  const ranges: Array<[number, number]> = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}

export interface SortOrder {
  field: string;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The rows sorted by one field (missing values last in either direction); stable, a new array. */
export function sortRows<T extends Record<string, unknown>>(rows: readonly T[], order: SortOrder | undefined): T[] {
  if (!order) return [...rows];
  const sign = order.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const [x, y] = [a.row[order.field], b.row[order.field]];
      const [missingX, missingY] = [x === undefined || x === '', y === undefined || y === ''];
      if (missingX || missingY) return missingX === missingY ? a.index - b.index : missingX ? 1 : -1;
      return sign * collator.compare(String(x), String(y)) || a.index - b.index;
    })
    .map((item) => item.row);
}

/** 1-based position of `row` among the rows before it with the same (code, org): the record route's `occurrence`. */
export function occurrenceOf(rows: readonly CustomerRow[], index: number): number {
  const row = rows[index]!;
  let occurrence = 1;
  for (let i = 0; i < index; i++) if (rows[i]!.code === row.code && (rows[i]!.org ?? '') === (row.org ?? '')) occurrence++;
  return occurrence;
}
