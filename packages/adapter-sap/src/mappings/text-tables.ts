import { compare, inList, type AbapCondition } from '../rfc/abap-condition.js';
import type { ReadTableClient } from '../rfc/read-table.js';
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
}

const categoryTexts: Record<CategoryField, { table: string; key: string; text: string; length: number }> = {
  KTOKD: { table: 'T077X', key: 'KTOKD', text: 'TXT30', length: 4 },
  KUKLA: { table: 'TKUKT', key: 'KUKLA', text: 'VTEXT', length: 2 },
};

/** Codes named `name`, plus `name` itself when it could be a code without text; 'impossible' when none. */
function codesNamed(field: string, entries: Iterable<[string, string]>, name: string, length: number): AbapCondition | 'impossible' {
  const codes = new Set<string>();
  for (const [code, text] of entries) if (text === name) codes.add(code);
  if (name !== '' && name.length <= length && name === name.trim()) codes.add(name);
  return codes.size === 0 ? 'impossible' : inList(field, [...codes]);
}

/**
 * Reads region and category texts once (two small calls) for `language` (SPRAS, e.g. '1' Chinese, 'E' English).
 * With `enabled: false` nothing is read and codes stand for themselves.
 */
export async function loadSapTexts(reader: ReadTableClient, options: { language: string; categoryField: CategoryField; enabled: boolean }): Promise<SapTexts> {
  const category = categoryTexts[options.categoryField];
  const language = compare('SPRAS', '=', options.language);
  const [regionRows, categoryRows] = options.enabled
    ? await Promise.all([
        reader.read({ table: 'T005U', fields: ['LAND1', 'BLAND', 'BEZEI'], keyFields: ['LAND1', 'BLAND'], where: language }),
        reader.read({ table: category.table, fields: [category.key, category.text], keyFields: [category.key], where: language }),
      ])
    : [[], []];
  const regions = new Map(regionRows.map((row) => [`${row.LAND1 ?? ''}\u0000${row.BLAND ?? ''}`, (row.BEZEI ?? '').trim()]));
  const categories = new Map(categoryRows.map((row) => [row[category.key] ?? '', (row[category.text] ?? '').trim()]));
  return {
    region: (country, region) => regions.get(`${country}\u0000${region}`) || undefined,
    category: (code) => categories.get(code) || undefined,
    regionCondition: (name) => codesNamed('REGIO', [...regions].map(([key, text]) => [key.split('\u0000')[1]!, text]), name, 3),
    categoryCondition: (name) => codesNamed(options.categoryField, categories, name, category.length),
  };
}

