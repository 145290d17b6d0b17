import type { GarbleKind } from './audit-types.js';
import { hasGbkMojibakeMarker, hasLatinMojibakeMarker, isGbkMarker, isLatinByteCharacter, readBackFromGbk, readBackFromLatin } from './mojibake.js';

export interface GarbleDiagnosis {
  kind: GarbleKind;
  repair: string | null;
}

const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const controlCharactersGlobal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const lineBreaks = /[\t\r\n]/;
const lineBreaksGlobal = /[\t\r\n]/g;
/** `??`, or a `?` next to a Chinese character: characters lost by a non-Unicode column or client. */
const questionMarks = /\?\?|[\u3400-\u9FFF]\?|\?[\u3400-\u9FFF]/;
/** 锟斤拷 is U+FFFD U+FFFD written as UTF-8 and read as GBK. */
const replacement = /\uFFFD|锟斤拷/;

/**
 * Any character that can start a diagnosis: C0/C1 controls, Latin-1 and Windows-1252 letters, `?`,
 * U+FFFD, 锟, GBK markers. One scan with table lookups rejects clean text (almost every value).
 */
function hasTelltale(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const character = value.charCodeAt(index);
    if (character < 0x80) {
      if (character < 0x20 || character === 0x3f || character === 0x7f) return true;
    } else if (character <= 0xff || character === 0xfffd || character === 0x951f || isGbkMarker(character)) {
      return true;
    } else if (character < 0x2e80 && isLatinByteCharacter(character)) {
      return true;
    }
  }
  return false;
}

const wide = /[^\x00-\x7F]/;

/** Whether repaired text is plausible: no damage of its own and some non-ASCII text recovered. */
function isClean(text: string): boolean {
  return wide.test(text) && !replacement.test(text) && !controlCharacters.test(text) && !hasLatinMojibakeMarker(text);
}

/** `code`: any `?` is damage; `line`: names and ids, where tabs and line breaks are damage too; `text`: addresses. */
export type GarbleFieldKind = 'code' | 'line' | 'text';

/** Finds text damaged by an encoding mistake and, where it can be reversed, the repaired text. */
export function diagnoseGarbled(value: string, fieldKind: GarbleFieldKind): GarbleDiagnosis | undefined {
  const singleLine = fieldKind !== 'text';
  // Fast exit for the common case: plain ASCII/CJK text with none of the telltale characters.
  if (!hasTelltale(value)) return undefined;
  const gbkMarked = hasGbkMojibakeMarker(value);

  if (hasLatinMojibakeMarker(value)) {
    const reading = readBackFromLatin(value);
    if (reading.repaired !== undefined && isClean(reading.repaired)) return { kind: 'utf8-as-latin1', repair: reading.repaired };
    if (reading.likely) return { kind: 'utf8-as-latin1', repair: null };
  }
  if (gbkMarked) {
    const reading = readBackFromGbk(value);
    if (reading.repaired !== undefined && reading.repaired !== value && isClean(reading.repaired)) {
      return { kind: 'utf8-as-gbk', repair: reading.repaired };
    }
    if (reading.likely) return { kind: 'utf8-as-gbk', repair: null };
  }
  if (replacement.test(value)) return { kind: 'replacement-character', repair: null };
  if (controlCharacters.test(value) || (singleLine && lineBreaks.test(value))) {
    let stripped = value.replace(controlCharactersGlobal, '');
    if (singleLine) stripped = stripped.replace(lineBreaksGlobal, '');
    return { kind: 'control-characters', repair: stripped.trim() === '' ? null : stripped };
  }
  if (questionMarks.test(value) || (fieldKind === 'code' && value.includes('?'))) {
    return { kind: 'question-marks', repair: null };
  }
  return undefined;
}
