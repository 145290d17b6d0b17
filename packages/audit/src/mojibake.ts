import iconv from 'iconv-lite';

const CJK_START = 0x4e00;
const CJK_END = 0x9fff;

let gbkLeadTable: Uint8Array | undefined;

/**
 * Marks the CJK characters whose GBK bytes are a UTF-8 lead byte of a Chinese character (E4–E9)
 * followed by a continuation byte (80–BF). UTF-8 Chinese text read as GBK always produces some of
 * them; ordinary names rarely do. Built once from the 384 byte pairs, not from every character.
 */
function gbkLeadCharacters(): Uint8Array {
  if (gbkLeadTable) return gbkLeadTable;
  const table = new Uint8Array(CJK_END - CJK_START + 1);
  for (let lead = 0xe4; lead <= 0xe9; lead++) {
    for (let trail = 0x80; trail <= 0xbf; trail++) {
      const character = iconv.decode(Buffer.from([lead, trail]), 'gbk').codePointAt(0) ?? 0;
      if (character >= CJK_START && character <= CJK_END) table[character - CJK_START] = 1;
    }
  }
  gbkLeadTable = table;
  return table;
}

/** Whether one character is a GBK marker (see `gbkLeadCharacters`). */
export function isGbkMarker(character: number): boolean {
  return character >= CJK_START && character <= CJK_END && gbkLeadCharacters()[character - CJK_START] === 1;
}

/**
 * Whether `value` looks like UTF-8 Chinese read as GBK: about every third character of such text is a
 * marker (a UTF-8 lead byte pair), while ordinary names have one now and then. Cheap enough to run on
 * every name; the decoding check that follows is not.
 */
export function hasGbkMojibakeMarker(value: string): boolean {
  const table = gbkLeadCharacters();
  let markers = 0;
  let wide = 0;
  for (let index = 0; index < value.length; index++) {
    const character = value.charCodeAt(index);
    if (character < 0x2e80) continue;
    wide++;
    if (character >= CJK_START && character <= CJK_END && table[character - CJK_START] === 1) markers++;
  }
  return markers > 0 && markers * 5 >= wide;
}

// Windows-1252 characters at 0x80–0x9F: what a "Latin-1" reader usually shows.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** The byte a Latin-1 / Windows-1252 reader turned into `character`, or -1. */
function latinByte(character: number): number {
  if (character < 0x100) return character;
  return CP1252_HIGH[character] ?? -1;
}

/** Whether a character above U+00FF stands for a Windows-1252 byte (Œ, —, €, ™ …). */
export function isLatinByteCharacter(character: number): boolean {
  return CP1252_HIGH[character] !== undefined;
}

/** Whether `value` has a UTF-8 lead byte followed by a continuation byte, both read as Latin-1. */
export function hasLatinMojibakeMarker(value: string): boolean {
  for (let index = 0; index + 1 < value.length; index++) {
    const lead = value.charCodeAt(index);
    if (lead < 0xc2 || lead > 0xf4) continue;
    const next = latinByte(value.charCodeAt(index + 1));
    if (next >= 0x80 && next <= 0xbf) return true;
  }
  return false;
}

export interface MojibakeReading {
  /** The text decoded back, when every byte formed valid UTF-8. */
  repaired: string | undefined;
  /** Whether the bytes look like UTF-8 at all (most of them decode), even if not every one does. */
  likely: boolean;
}

/** Re-encodes as GBK and reads the bytes as UTF-8. */
export function readBackFromGbk(value: string): MojibakeReading {
  return readBack(iconv.encode(value, 'gbk'));
}

/** Re-encodes as Latin-1 / Windows-1252 and reads the bytes as UTF-8. */
export function readBackFromLatin(value: string): MojibakeReading {
  const bytes = new Uint8Array(value.length);
  let lost = false;
  for (let index = 0; index < value.length; index++) {
    const character = value.charCodeAt(index);
    // Windows-1252 has no character for 81, 8D, 8F, 90, 9D: decoders show U+FFFD, the byte is lost.
    const byte = character === 0xfffd ? 0x80 : latinByte(character);
    if (character === 0xfffd) lost = true;
    if (byte < 0) return { repaired: undefined, likely: false };
    bytes[index] = byte;
  }
  const reading = readBack(bytes);
  return lost ? { repaired: undefined, likely: reading.likely } : reading;
}

function readBack(bytes: Uint8Array): MojibakeReading {
  const { invalid, wide } = scanUtf8(bytes);
  if (invalid === 0) return { repaired: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), likely: true };
  // A damaged tail (an odd byte lost) leaves one or two bad sequences among many good ones.
  return { repaired: undefined, likely: wide >= 2 && invalid <= Math.max(1, wide / 3) };
}

/** Counts invalid UTF-8 sequences and characters of 3+ bytes (CJK) without decoding or throwing. */
function scanUtf8(bytes: Uint8Array): { invalid: number; wide: number } {
  let invalid = 0;
  let wide = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) {
      invalid++;
      index++;
      continue;
    }
    let complete = index + length <= bytes.length;
    for (let offset = 1; complete && offset < length; offset++) complete = (bytes[index + offset]! & 0xc0) === 0x80;
    // Overlong and surrogate forms are invalid too.
    if (complete && length === 3) complete = !(lead === 0xe0 && bytes[index + 1]! < 0xa0) && !(lead === 0xed && bytes[index + 1]! >= 0xa0);
    if (complete && length === 4) complete = !(lead === 0xf0 && bytes[index + 1]! < 0x90) && !(lead === 0xf4 && bytes[index + 1]! >= 0x90);
    if (!complete) {
      invalid++;
      index++;
      continue;
    }
    if (length >= 3) wide++;
    index += length;
  }
  return { invalid, wide };
}
