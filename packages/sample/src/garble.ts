import iconv from 'iconv-lite';
import type { Random } from './random.js';

/** The encoding damage planted in sample names; the same names as the audit's findings. */
export const GARBLE_KINDS = ['utf8-as-gbk', 'utf8-as-latin1', 'replacement-character', 'question-marks', 'control-characters'] as const;
export type SampleGarbleKind = (typeof GARBLE_KINDS)[number];

const han = /[\u3400-\u9FFF]/g;

/**
 * Damages a Chinese name the way real migrations do: UTF-8 bytes read as GBK (北京 → 鍖椾含) or as
 * Latin-1, lost characters (U+FFFD, `?` from a non-Unicode column), control characters from a paste.
 * Lost characters are taken outside `keep` (the company's distinctive part), so that two damaged
 * names do not end up looking alike.
 */
export function garble(name: string, kind: SampleGarbleKind, random: Random, keep = ''): string {
  const keepStart = keep === '' ? -1 : name.indexOf(keep);
  const kept = (offset: number) => keepStart >= 0 && offset >= keepStart && offset < keepStart + keep.length;
  switch (kind) {
    case 'utf8-as-gbk':
      return iconv.decode(Buffer.from(name, 'utf8'), 'gbk');
    case 'utf8-as-latin1':
      return Buffer.from(name, 'utf8').toString('latin1');
    case 'replacement-character': {
      const damaged = name.replace(han, (character, offset: number) => (kept(offset) || random.chance(0.5) ? character : '\uFFFD'));
      if (damaged !== name) return damaged;
      // The coin kept every character: lose the last one outside `keep`, so the name is really damaged.
      const offsets = [...name.matchAll(han)].map((match) => match.index).filter((offset) => !kept(offset));
      const last = offsets.at(-1);
      return last === undefined ? name : `${name.slice(0, last)}\uFFFD${name.slice(last + 1)}`;
    }
    case 'question-marks':
      return name.replace(han, (character, offset: number) => (kept(offset) ? character : '?'));
    case 'control-characters': {
      const characters = [...name];
      characters.splice(1 + random.int(characters.length - 1), 0, random.pick(['\u0007', '\u001B', '\t', '\u0008', '\u000B']));
      return characters.join('');
    }
  }
}
