import type { MigrationSummary } from '@custcode/migrate';
import { renderTable } from '../../output/table.js';
import { escapeControls } from '../../output/terminal-text.js';

const clip = (value: string, length = 70) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);
const count = (value: number) => value.toLocaleString('en-US');
/** One line of the summary; codes, names and values in it come from the ERP, so controls show escaped. */
const line = (text: string) => `${escapeControls(text)}\n`;

/** The end-of-run summary: counts per decision, then the first conflicts, unmapped values and near-duplicates. */
export function renderMigrationSummary(summary: MigrationSummary, files: readonly string[]): string {
  const target = summary.target === null ? 'no target' : `target ${summary.target}`;
  let text = `${line(`${summary.dryRun ? 'Dry run: nothing written. ' : ''}Migration of ${summary.source} (${target}, rule ${summary.rule}): ${count(summary.rows)} crosswalk rows`)}\n`;
  text += renderTable(
    ['decision', 'rows'],
    [
      ['kept', count(summary.decisions.kept)],
      ['generated', count(summary.decisions.generated)],
      ['merged-into', count(summary.decisions['merged-into'])],
      ['conflict', count(summary.decisions.conflict)],
    ],
  );
  text += `\n${count(summary.carriedOver)} carried over from the crosswalk, ${count(summary.decidedNow)} decided now, ${count(summary.missingFromSource)} no longer in the source; ${count(summary.skippedNumbers)} numbers passed over (already held).\n`;
  if (summary.conflicts.length > 0) {
    text += `\nconflicts (first ${summary.conflicts.length} of ${count(summary.decisions.conflict)}):\n`;
    for (const conflict of summary.conflicts) text += line(`  ${conflict.oldCode}: ${clip(conflict.heldBy === '' ? conflict.reason : `held by ${conflict.heldBy}`)}`);
  }
  if (summary.unmapped.length > 0) {
    text += `\nunmapped values (${summary.unmapped.length}; kept as they are, add them to --map):\n`;
    for (const item of summary.unmapped.slice(0, 10)) text += line(`  ${item.field} ${JSON.stringify(item.value)}: ${count(item.count)} customers, e.g. ${item.examples.join(', ')}`);
  }
  if (summary.nearDuplicates.undecided > 0) {
    text += `\nnear-duplicates waiting for a decision: ${summary.nearDuplicates.undecided} of ${summary.nearDuplicates.groups} groups (see the review column; decide merge or separate in --decisions)\n`;
    for (const group of summary.nearDuplicates.examples) text += line(`  ${group.codes.join(' ~ ')} (${group.reason}): ${clip(group.names.join(' / '))}`);
  }
  if (summary.unknownDecisions.length > 0) text += `\n${line(`decisions for unknown codes (ignored): ${summary.unknownDecisions.slice(0, 10).join(', ')}`)}`;
  if (summary.examples.length > 0) {
    text += '\nfirst rows:\n';
    text += renderTable(['old code', 'new code', 'decision', 'name'], summary.examples.map((row) => [row.oldCode, row.newCode, row.decision, clip(row.name, 40)]));
  }
  if (files.length > 0) text += `\nwritten:\n${files.map((file) => line(`  ${file}`)).join('')}`;
  if (summary.needsDecision) text += '\nSome customers need a decision (exit code 1): see conflicts, unmapped values and the review column.\n';
  return text;
}
