import { BackendError, isCustcodeError } from '@custcode/core';
import { compare, inList, type AbapCondition } from '../rfc/abap-condition.js';
import type { ReadTableClient, ReadTableRequest, TableRow } from '../rfc/read-table.js';
import type { CategoryField } from './kna1-mapping.js';

/** Code → name lookups from SAP's text tables, in one language. */
export interface SapTexts {
  /** Region name of KNA1 LAND1 + REGIO (T005U-BEZEI); undefined when there is no text. */
  region(country: string, region: string): string | undefined;
  /** Category name of the KTOKD (T077X-TXT30) or KUKLA (TKUKT-VTEXT) code. */
  category(code: string): string | undefined;
  /** A KNA1 condition selecting every row whose region could read as `name` (text or bare code). */
  regionCondition(name: string): AbapCondition | 'impossible';
  categoryCondition(name: string): AbapCondition | 'impossible';
  /** Text tables this user may not read (their codes stand for themselves), with the exception SAP raised. */
  unreadable: Array<{ table: string; exception: string }>;
}

const categoryTexts: Record<CategoryField, { table: string; key: string; text: string; length: number }> = {
  KTOKD: { table: 'T077X', key: 'KTOKD', text: 'TXT30', length: 4 },
  KUKLA: { table: 'TKUKT', key: 'KUKLA', text: 'VTEXT', length: 2 },
};

/** The reads of the region and category text tables (also what `checkSapAccess` probes). */
export function textTableReads(options: { language: string; categoryField: CategoryField }): { region: ReadTableRequest; category: ReadTableRequest } {
  const category = categoryTexts[options.categoryField];
  const where = compare('SPRAS', '=', options.language);
  return {
    region: { table: 'T005U', fields: ['LAND1', 'BLAND', 'BEZEI'], keyFields: ['LAND1', 'BLAND'], where },
    category: { table: category.table, fields: [category.key, category.text], keyFields: [category.key], where },
  };
}

/** Codes named `name`, plus `name` itself when it could be a code without text; 'impossible' when none. */
function codesNamed(field: string, entries: Iterable<[string, string]>, name: string, length: number): AbapCondition | 'impossible' {
  const codes = new Set<string>();
  for (const [code, text] of entries) if (text === name) codes.add(code);
  if (name !== '' && name.length <= length && name === name.trim()) codes.add(name);
  return codes.size === 0 ? 'impossible' : inList(field, [...codes]);
}

/**
 * The exception that leaves a text table unread rather than failing the source: NOT_AUTHORIZED (no display
 * authorization), or TABLE_NOT_AVAILABLE, which the module also raises when its authority check fails otherwise.
 */
function unreadableBecause(error: unknown): string | undefined {
  if (isCustcodeError(error, 'NOT_AUTHORIZED')) return 'NOT_AUTHORIZED';
  return BackendError.isInstance(error) && (error as BackendError).backendCode === 'TABLE_NOT_AVAILABLE' ? 'TABLE_NOT_AVAILABLE' : undefined;
}

/** No texts: every code stands for itself (`texts: false`, and counts that filter by neither region nor category). */
export const codesOnly = (categoryField: CategoryField): SapTexts => createTexts([], [], categoryField, []);

/**
 * Reads region and category texts once (two small calls) for `language` (SPRAS, e.g. '1' Chinese, 'E' English).
 * A table the user may not read is left out (its codes stand for themselves) and listed in `unreadable`.
 */
export async function loadSapTexts(reader: ReadTableClient, options: { language: string; categoryField: CategoryField }): Promise<SapTexts> {
  const reads = textTableReads(options);
  const unreadable: SapTexts['unreadable'] = [];
  const rowsOf = (request: ReadTableRequest) =>
    reader.read(request).catch((error: unknown): TableRow[] => {
      const exception = unreadableBecause(error);
      if (exception === undefined) throw error;
      unreadable.push({ table: request.table, exception });
      return [];
    });
  const [regionRows, categoryRows] = await Promise.all([rowsOf(reads.region), rowsOf(reads.category)]);
  return createTexts(regionRows, categoryRows, options.categoryField, unreadable);
}

function createTexts(regionRows: TableRow[], categoryRows: TableRow[], categoryField: CategoryField, unreadable: SapTexts['unreadable']): SapTexts {
  const category = categoryTexts[categoryField];
  const regions = new Map(regionRows.map((row) => [`${row.LAND1 ?? ''}\u0000${row.BLAND ?? ''}`, (row.BEZEI ?? '').trim()]));
  const categories = new Map(categoryRows.map((row) => [row[category.key] ?? '', (row[category.text] ?? '').trim()]));
  return {
    region: (country, region) => regions.get(`${country}\u0000${region}`) || undefined,
    category: (code) => categories.get(code) || undefined,
    regionCondition: (name) => codesNamed('REGIO', [...regions].map(([key, text]) => [key.split('\u0000')[1]!, text]), name, 3),
    categoryCondition: (name) => codesNamed(categoryField, categories, name, category.length),
    unreadable: unreadable.sort((a, b) => (a.table < b.table ? -1 : 1)),
  };
}
