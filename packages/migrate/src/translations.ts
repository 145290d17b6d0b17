import type { Customer } from '@custcode/core';
import { ConfigError } from '@custcode/core';
import { TRANSLATED_FIELDS, type TranslatedField, type TranslationTable } from './migration-types.js';
import { looksLikeJson, parseCsvRecords, parseJsonText } from '@custcode/export';

/** The key that maps every value without its own entry (and an absent value). */
export const DEFAULT_TRANSLATION_KEY = '*';

const isField = (field: string): field is TranslatedField => (TRANSLATED_FIELDS as readonly string[]).includes(field);

function fieldError(field: string, what: string): ConfigError {
  return new ConfigError({ message: `The value map names the field "${field}" ${what}.`, hint: `Translate only ${TRANSLATED_FIELDS.join(', ')}.` });
}

/**
 * Reads a value map: JSON `{ "category": { "批发": "KHFZ01" }, "region": {…}, "org": { "*": "100" } }`, or CSV
 * with the header `field,from,to`. A repeated `from` with another `to` is an error.
 */
export function parseTranslations(text: string): TranslationTable {
  const table: Partial<Record<TranslatedField, Record<string, string>>> = {};
  const add = (field: string, from: string, to: string) => {
    if (!isField(field)) throw fieldError(field, 'that cannot be translated');
    const entries = (table[field] ??= {});
    if (Object.hasOwn(entries, from) && entries[from] !== to) {
      throw new ConfigError({ message: `The value map translates ${field} "${from}" twice ("${entries[from]}" and "${to}").`, hint: 'Keep one line per source value.' });
    }
    entries[from] = to;
  };
  if (looksLikeJson(text)) {
    const parsed = parseJsonText(text, 'value map');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError({ message: 'The value map must be a JSON object of fields.', hint: 'Write { "category": { "from": "to" } }.' });
    }
    for (const [field, entries] of Object.entries(parsed)) {
      if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw fieldError(field, 'with something else than an object of "from": "to" pairs');
      for (const [from, to] of Object.entries(entries)) {
        if (typeof to !== 'string') throw fieldError(field, `with a non-text value for "${from}"`);
        add(field, from, to);
      }
    }
    return table;
  }
  for (const record of parseCsvRecords(text, 'value map', ['field', 'from', 'to'])) {
    add((record.field ?? '').trim(), record.from ?? '', record.to ?? '');
  }
  return table;
}

export interface TranslatedCustomer {
  customer: Customer;
  /** Fields whose value had no entry (the value is kept as it was). */
  unmapped: Array<{ field: TranslatedField; value: string }>;
}

/** Applies a translation table to one customer; only the fields the table covers are looked at. */
export function translateCustomer(customer: Customer, table: TranslationTable | undefined): TranslatedCustomer {
  if (!table) return { customer, unmapped: [] };
  const translated: Customer = { ...customer };
  const unmapped: TranslatedCustomer['unmapped'] = [];
  for (const field of TRANSLATED_FIELDS) {
    const entries = table[field];
    if (!entries) continue;
    const value = customer[field];
    if (value !== undefined && Object.hasOwn(entries, value)) translated[field] = entries[value] as string;
    else if (Object.hasOwn(entries, DEFAULT_TRANSLATION_KEY)) translated[field] = entries[DEFAULT_TRANSLATION_KEY] as string;
    else if (value !== undefined && value !== '') unmapped.push({ field, value });
  }
  return { customer: translated, unmapped };
}
