import { escapeControls } from './terminal-text.js';
import { padDisplay, displayWidth } from './text-width.js';

/** A cell on one line: runs of white space (tabs, line breaks) become one space, other controls show escaped. */
const cellText = (cell: string) => escapeControls(cell.replace(/\s+/g, ' '));

/** Renders rows as an aligned text table with a header line; CJK characters count as double width. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const clean = rows.map((row) => row.map(cellText));
  const head = headers.map(cellText);
  const widths = head.map((header, column) => Math.max(displayWidth(header), ...clean.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : padDisplay(cell, widths[column]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...clean.map(line)].join('\n') + '\n';
}
