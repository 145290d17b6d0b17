import type { CommandIo } from '../command-io.js';
import { escapeControls } from './terminal-text.js';

/** Prints what a source found while reading (its `describe().warnings`, e.g. SAP text tables the user may not read) on stderr. */
export function printSourceWarnings(io: CommandIo, name: string, warnings: readonly string[] | undefined): void {
  for (const warning of warnings ?? []) io.stderr.write(`${escapeControls(`warning (${name}): ${warning}`)}\n`);
}
