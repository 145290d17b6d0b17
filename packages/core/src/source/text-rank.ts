import { codeHasPrefix } from '../code/normalize-code.js';
import type { Customer } from '../customer/customer-schema.js';
import { isPinyinQuery, pinyinInitials } from '../text/pinyin-initials.js';
import { matchesText } from './match-filter.js';
import { TEXT_FIELDS, type TextField } from './v1/customer-query.js';

/** Rank tiers of a relevance search, best first. */
export const RANK_TIERS = ['exact-code', 'code-prefix', 'name-prefix', 'word-start', 'contains'] as const;
export type RankTier = (typeof RANK_TIERS)[number];

/**
 * What starts a word inside a name: spaces (also the ideographic one), brackets (half- and full-width), dashes,
 * dots, commas, slashes, ampersands. A fixed list, so that a SQL reader can narrow a tier with LIKE patterns.
 */
export const WORD_BREAKS: readonly string[] = [' ', '\u3000', '\t', '(', ')', '（', '）', '[', ']', '【', '】', '-', '_', '.', ',', '，', '、', '/', '&', '·'];
const WORD_BREAK = new Set(WORD_BREAKS);

function startsAWord(value: string, needle: string): boolean {
  for (let index = value.indexOf(needle, 1); index > 0; index = value.indexOf(needle, index + 1)) {
    if (WORD_BREAK.has(value[index - 1]!)) return true;
  }
  return false;
}

/**
 * Where a record stands in a relevance search for `text`: 0 the code is the text (case aside), 1 the code
 * starts with it, 2 the name or short name starts with it (or, for a pinyin query, the name's initials do),
 * 3 a word inside the name or short name starts with it, 4 it is contained anywhere else. `undefined`: no
 * match. Only `fields` count — a role that masks the name ranks by code and short name, so a hidden name
 * never moves a row. Within a tier rows keep the code order. Every source ranks with this one function.
 */
export function textRank(customer: Customer, text: string, fields: readonly TextField[] = TEXT_FIELDS): number | undefined {
  if (!matchesText(customer, text, fields)) return undefined;
  const needle = text.toLowerCase();
  if (fields.includes('code') && codeHasPrefix(customer.code, text)) return customer.code.toLowerCase() === needle ? 0 : 1;
  const names: string[] = [];
  if (fields.includes('name')) names.push(customer.name.toLowerCase());
  if (fields.includes('shortName') && customer.shortName !== undefined) names.push(customer.shortName.toLowerCase());
  if (names.some((name) => name.startsWith(needle))) return 2;
  if (fields.includes('name') && isPinyinQuery(text) && pinyinInitials(customer.name).startsWith(needle)) return 2;
  if (names.some((name) => startsAWord(name, needle))) return 3;
  return 4;
}
