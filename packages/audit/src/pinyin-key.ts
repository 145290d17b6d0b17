import { pinyin } from 'pinyin-pro';

/** CJK unified ideographs (with extension A) and compatibility ideographs: the characters pinyin-pro reads. */
const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isLetterOrDigit = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
const lettersOnly = /^[a-z]+$/;

/** Syllable per character: pinyin-pro is called once per distinct character, not once per name. */
const syllables = new Map<number, string>();

function syllableOf(code: number): string {
  let syllable = syllables.get(code);
  if (syllable === undefined) {
    const read = pinyin(String.fromCharCode(code), { toneType: 'none', type: 'array' })[0] ?? '';
    syllable = lettersOnly.test(read) ? read : '';
    syllables.set(code, syllable);
  }
  return syllable;
}

/**
 * How a normalised name (lower case, no punctuation) sounds: the toneless pinyin of its Chinese
 * characters, letters and digits kept (`华信` and `華信` → `huaxin`; a name typed in pinyin, `huaxin`, is
 * its own key). Characters are read one at a time, each in its most common reading, so every spelling
 * of a character gets one key whatever surrounds it. '' for a name with no Chinese character that is
 * not all letters either: there is no pinyin to compare.
 */
export function pinyinKey(core: string): string {
  let key = '';
  let hasHan = false;
  for (let index = 0; index < core.length; index++) {
    const code = core.charCodeAt(index);
    if (isHan(code)) {
      hasHan = true;
      key += syllableOf(code);
    } else if (isLetterOrDigit(code)) key += core[index];
  }
  if (hasHan) return key;
  return lettersOnly.test(core) ? core : '';
}

/** The toneless pinyin of a word in its usual reading, context included (`重庆` → `chongqing`). */
export function pinyinOfWord(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array' }).join('');
}
