import { inflateSync } from 'node:zlib';

/** The decoded bodies of a PDF's streams (FlateDecode inflated). */
function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const bodies: string[] = [];
  let position = 0;
  for (;;) {
    const start = text.indexOf('stream\n', position);
    if (start < 0) break;
    const end = text.indexOf('\nendstream', start);
    if (end < 0) break;
    const raw = Buffer.from(text.slice(start + 'stream\n'.length, end), 'latin1');
    try {
      bodies.push(inflateSync(raw).toString('latin1'));
    } catch {
      bodies.push(raw.toString('latin1'));
    }
    position = end + '\nendstream'.length;
  }
  return bodies;
}

/** UTF-16BE hex (`<5317 4eac>` style, surrogates as two words) → text. */
const fromUtf16Hex = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');

/**
 * The text of a PDF written with an embedded Identity-H font (what pdfkit writes for CJK): every TJ
 * string mapped back through the font's ToUnicode CMap. One line per text run. For tests where
 * `pdftotext` is not installed, and as an independent check where it is.
 */
export function extractPdfText(pdf: Buffer): string {
  const bodies = streams(pdf);
  const glyphs = new Map<number, string>();
  for (const body of bodies.filter((candidate) => candidate.includes('beginbfrange'))) {
    for (const [, start, , entries] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      let glyph = Number.parseInt(start!, 16);
      for (const [, hex] of entries!.matchAll(/<([0-9a-fA-F\s]+)>/g)) glyphs.set(glyph++, fromUtf16Hex(hex!));
    }
  }
  const lines: string[] = [];
  for (const body of bodies.filter((candidate) => candidate.includes('TJ'))) {
    for (const [, array] of body.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      let line = '';
      for (const [, hex] of array!.matchAll(/<([0-9a-fA-F]+)>/g)) {
        for (let index = 0; index < hex!.length; index += 4) line += glyphs.get(Number.parseInt(hex!.slice(index, index + 4), 16)) ?? '\uFFFD';
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
