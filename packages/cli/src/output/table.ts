import { padDisplay, displayWidth } from './text-width.js';

/** Renders rows as an aligned text table with a header line; CJK characters count as double width. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const clean = rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ')));
  const widths = headers.map((header, column) => Math.max(displayWidth(header), ...clean.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : padDisplay(cell, widths[column]!))).join('  ').trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...clean.map(line)].join('\n') + '\n';
}
