import type { MaskableField, MaskStyle } from './access-policy-schema.js';

/** The style a field gets when a role lists it without one. */
export const DEFAULT_MASK_STYLES: Readonly<Record<MaskableField, MaskStyle>> = {
  name: 'name',
  shortName: 'name',
  taxId: 'partial',
  phone: 'partial',
  contact: 'name',
  address: 'full',
};

/** At most this many stars in a partial mask, so that long values do not reveal their length. */
const MAX_STARS = 8;

/**
 * Masks one value. Partial keeps a head and a tail by length: 18-character tax ids `9111********341L`,
 * 11-digit mobiles `138****5678`; shorter values keep less (`02****55`);
 * values of 4 characters or fewer are all stars.
 */
export function maskValue(value: string, style: Exclude<MaskStyle, 'hide'>): string {
  const characters = Array.from(value);
  const length = characters.length;
  if (length === 0) return value;
  switch (style) {
    case 'full':
      return '****';
    case 'name':
      return characters[0] + '*'.repeat(Math.min(Math.max(length - 1, 1), MAX_STARS));
    case 'partial': {
      if (length <= 4) return '*'.repeat(length);
      const head = length >= 15 ? 4 : length >= 11 ? 3 : length >= 8 ? 2 : 1;
      const tail = length >= 11 ? 4 : length >= 8 ? 2 : 1;
      const stars = Math.min(length - head - tail, MAX_STARS);
      return characters.slice(0, head).join('') + '*'.repeat(Math.max(stars, 1)) + characters.slice(length - tail).join('');
    }
  }
}

/**
 * Whether a value looks like one `maskValue` produced (two stars in a row, or one character and a star):
 * such a value hides the real one, so checks that read it (tax id validity, name similarity) skip it.
 * Real tax ids never hold `*`; a real name with `**` is skipped too, which costs nothing.
 */
export function looksMasked(value: string): boolean {
  return value.includes('**') || /^.\*$/u.test(value);
}
