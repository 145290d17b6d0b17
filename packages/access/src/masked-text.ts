import { TEXT_FIELDS, type CustomerFilter, type TextField } from '@custcode/core';
import type { MaskRules } from './mask-customer.js';

/**
 * What `text` may match for a caller: a masked name (and with it its pinyin initials and mnemonic column) or
 * a masked short name would otherwise answer guesses one at a time. The code is never masked.
 */
export function unmaskedTextFields(mask: MaskRules): TextField[] {
  return TEXT_FIELDS.filter((field) => field === 'code' || mask[field] === undefined);
}

/**
 * The query with `text` confined to `allowed` (`textFields`, which every backend evaluates in its own
 * query), or `undefined` when the user asked only for fields that are masked (nothing can match).
 */
export function restrictText<Query extends CustomerFilter>(query: Query, allowed: readonly TextField[]): Query | undefined {
  if (query.text === undefined || query.text === '' || allowed.length === TEXT_FIELDS.length) return query;
  const fields = (query.textFields ?? TEXT_FIELDS).filter((field) => allowed.includes(field));
  return fields.length === 0 ? undefined : { ...query, textFields: fields };
}

/**
 * The fields `text` matched when a mask kept it off some (for the note the CLI prints and the field the API
 * returns), or `undefined` when nothing was narrowed.
 */
export function narrowedTextFields(query: CustomerFilter, allowed: readonly TextField[]): TextField[] | undefined {
  const narrowed = restrictText(query, allowed);
  return narrowed === query ? undefined : (narrowed?.textFields ?? []);
}
