import { parse } from 'csv-parse/sync';
import { ConfigError } from '@custcode/core';

/** JSON when the text starts with `[` or `{` (after a BOM and spaces), else CSV. */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(text);
}

export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError({ message: `The ${what} is not valid JSON: ${(error as Error).message}.`, hint: 'Fix the JSON syntax, or write the file as CSV with a header row.', cause: error });
  }
}

/** CSV with a header row → records keyed by the (trimmed, lower-case) header names. */
export function parseCsvRecords(text: string, what: string, required: readonly string[]): Array<Record<string, string>> {
  let records: Array<Record<string, string>>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Array<Record<string, string>>;
  } catch (error) {
    throw new ConfigError({ message: `The ${what} is not valid CSV: ${(error as Error).message}.`, hint: 'Check quoting; the first line must be the header.', cause: error });
  }
  const first = records[0];
  const missing = first ? required.filter((column) => !(column in first)) : [];
  if (missing.length > 0) {
    throw new ConfigError({
      message: `The ${what} has no ${missing.map((column) => `"${column}"`).join(', ')} column (found ${Object.keys(first ?? {}).join(', ')}).`,
      hint: `The header row must name the columns ${required.join(', ')}.`,
    });
  }
  return records;
}
