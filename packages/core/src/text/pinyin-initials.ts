import { pinyin } from 'pinyin-pro';

const han = /[\u3400-\u9FFF\uF900-\uFAFF]/;

/**
 * Lower-case pinyin initials of a Chinese name, other letters and digits kept: `北京华为 A1` → `bjhwa1`.
 * Returns '' for text without Chinese characters.
 */
export function pinyinInitials(text: string): string {
  if (!han.test(text)) return '';
  const letters = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when `text` looks like a pinyin-initials query (ASCII letters only). */
export function isPinyinQuery(text: string): boolean {
  return /^[a-z]+$/i.test(text);
}
