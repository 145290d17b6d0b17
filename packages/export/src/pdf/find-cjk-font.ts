import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ConfigError } from '@custcode/core';

/** A font file with Chinese glyphs; collections (.ttc) also need the face's PostScript name. */
export interface CjkFont {
  path: string;
  postscriptName?: string;
}

/** Debian/Ubuntu font packages, smallest first. */
const KNOWN_FONTS: readonly CjkFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', postscriptName: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', postscriptName: 'AR-PL-UMing-CN' },
];

const isCollection = (path: string) => /\.(ttc|otc)$/i.test(path);

function run(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
  } catch {
    return undefined;
  }
}

/**
 * Finds an installed font that covers Simplified Chinese: fontconfig first (only fonts that really cover
 * zh-cn, since `fc-match` falls back to any font), then the known Debian paths. Undefined when there is none.
 */
export function findCjkFont(): CjkFont | undefined {
  const listed = run('fc-list', [':lang=zh-cn', '-f', '%{file}|%{postscriptname}\n']);
  const candidates = (listed ?? '')
    .split('\n')
    .map((line) => line.split('|'))
    .filter(([path]) => path && /\.(ttf|ttc|otf|otc)$/i.test(path) && existsSync(path))
    .map(([path, postscriptName]) => ({ path: path!, ...(postscriptName ? { postscriptName } : {}) }))
    // Proportional regular faces read best in a table.
    .sort((a, b) => score(a) - score(b));
  if (candidates[0]) return candidates[0];
  return KNOWN_FONTS.find((font) => existsSync(font.path));
}

function score(font: CjkFont): number {
  const name = font.postscriptName ?? '';
  return (/mono/i.test(name) ? 2 : 0) + (/bold|light|thin|black|medium/i.test(name) ? 1 : 0);
}

/**
 * The font for a PDF export: `FILE` or `FILE#PostScriptName` when given, otherwise the one found on the
 * machine. A typed error says how to get one when there is none.
 */
export function resolveCjkFont(font?: string | CjkFont): CjkFont {
  if (font !== undefined) {
    const given: CjkFont = typeof font === 'string' ? parseFontArgument(font) : font;
    if (!existsSync(given.path)) {
      throw new ConfigError({ message: `Font file not found: ${given.path}.`, hint: 'Pass the path of a TTF/OTF/TTC font with Chinese glyphs.' });
    }
    if (isCollection(given.path) && !given.postscriptName) {
      const face = run('fc-scan', ['-f', '%{postscriptname}\n', given.path])?.split('\n')[0];
      if (!face) {
        throw new ConfigError({
          message: `Font ${given.path} is a collection; custcode cannot tell which face to use.`,
          hint: `Name the face after a "#": ${given.path}#PostScriptName (fc-scan lists them).`,
        });
      }
      return { path: given.path, postscriptName: face };
    }
    return given;
  }
  const found = findCjkFont();
  if (!found) {
    throw new ConfigError({
      message: 'No font with Chinese glyphs was found for the PDF export (without one, Chinese text would come out as garbage).',
      hint: 'Install one (Debian/Ubuntu: apt-get install fonts-wqy-microhei), or pass a font file (CLI: --font FILE).',
    });
  }
  return found;
}

function parseFontArgument(argument: string): CjkFont {
  const hash = argument.lastIndexOf('#');
  if (hash > 0 && !existsSync(argument)) return { path: argument.slice(0, hash), postscriptName: argument.slice(hash + 1) };
  return { path: argument };
}
