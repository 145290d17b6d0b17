import type { NearDuplicateFinding } from '@custcode/audit';
import { type CrosswalkRow, MIGRATION_DECISIONS, type MigrationDecision, type MigrationSummary, type UnmappedValue } from './migration-types.js';

const FIRST = 20;

export interface SummaryInput {
  source: string;
  target: string | null;
  rule: string;
  dryRun: boolean;
  /** Read once, in order (an array, or rows read back from disk). */
  rows: Iterable<CrosswalkRow>;
  carriedOver: number;
  skippedNumbers: number;
  nearDuplicates: readonly NearDuplicateFinding[];
  undecidedGroups: number;
  unmapped: readonly UnmappedValue[];
  unknownDecisions: string[];
}

export function summarizeMigration(input: SummaryInput): MigrationSummary {
  const decisions = Object.fromEntries(MIGRATION_DECISIONS.map((decision) => [decision, 0])) as Record<MigrationDecision, number>;
  const conflicts: MigrationSummary['conflicts'] = [];
  const examples: CrosswalkRow[] = [];
  let rows = 0;
  let missingFromSource = 0;
  for (const row of input.rows) {
    rows += 1;
    decisions[row.decision] += 1;
    if (row.decision === 'conflict' && conflicts.length < FIRST) {
      conflicts.push({ oldCode: row.oldCode, code: row.heldBy === '' ? '' : row.heldBy.split(' ')[0] ?? '', heldBy: row.heldBy, reason: row.reason });
    }
    if (row.sourceStatus === 'missing') missingFromSource += 1;
    else if (examples.length < 5) examples.push(row);
  }
  return {
    source: input.source,
    target: input.target,
    rule: input.rule,
    dryRun: input.dryRun,
    rows,
    decisions,
    carriedOver: input.carriedOver,
    decidedNow: rows - input.carriedOver - missingFromSource,
    missingFromSource,
    skippedNumbers: input.skippedNumbers,
    conflicts,
    nearDuplicates: {
      groups: input.nearDuplicates.length,
      undecided: input.undecidedGroups,
      examples: input.nearDuplicates.slice(0, 5).map((group) => ({ codes: group.codes, names: group.names, reason: group.reason })),
    },
    unmapped: [...input.unmapped],
    unknownDecisions: input.unknownDecisions,
    examples,
    needsDecision: decisions.conflict > 0 || input.unmapped.length > 0 || input.undecidedGroups > 0,
  };
}
