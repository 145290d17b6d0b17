/**
 * The output an example's README documents, checked against what its script really prints. The README's
 * block is the first code block after a paragraph starting with "Output". In it, `…` stands for any text
 * within a line, and a line holding only `…` for any number of lines (none included); trailing spaces are
 * ignored. Paths of the README's "Run it" commands are replaced by the test's own directories first.
 */
import { readFileSync } from 'node:fs';

/** The documented output block of a README. */
export function documentedOutput(readmePath: string): string {
  const readme = readFileSync(readmePath, 'utf8');
  const match = /^Output[\s\S]*?\n```[^\n]*\n([\s\S]*?)\n```/m.exec(readme);
  if (!match) throw new Error(`${readmePath} documents no output (a paragraph "Output …" followed by a code block).`);
  return match[1]!;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression matching whole outputs of the documented form. */
function outputPattern(documented: string): RegExp {
  const lines = documented.split('\n').map((line) => line.trimEnd());
  const parts = lines.map((line) => (line.trim() === '…' ? '(?:[^\\n]*\\n)*?' : `${line.split('…').map(escape).join('[^\\n]*?')}\\n`));
  return new RegExp(`^${parts.join('')}$`, 'u');
}

/**
 * The first documented line that the actual output does not follow, or undefined when it matches. `paths`
 * maps a directory of the README to the one the test used.
 */
export function outputMismatch(documented: string, actual: string, paths: Record<string, string> = {}): string | undefined {
  let text = `${actual.split('\n').map((line) => line.trimEnd()).join('\n').trimEnd()}\n`;
  for (const [shown, used] of Object.entries(paths)) text = text.split(used).join(shown);
  const lines = documented.split('\n');
  if (outputPattern(documented).test(text)) return undefined;
  // Find the longest documented prefix that still matches, to say where it goes wrong.
  for (let count = lines.length - 1; count >= 0; count--) {
    if (outputPattern([...lines.slice(0, count), '…'].join('\n')).test(text)) {
      return `output differs from the README at documented line ${count + 1}: ${JSON.stringify(lines[count])}\n--- actual output ---\n${text}`;
    }
  }
  return `output differs from the README from its first line\n--- actual output ---\n${text}`;
}
