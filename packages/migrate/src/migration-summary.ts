import type { NearDuplicateFinding } from '@custcode/audit';
import { type CrosswalkRow, MIGRATION_DECISIONS, type MigrationDecision, type MigrationSummary, type UnmappedValue } from './migration-types.js';

const FIRST = 20;

export interface SummaryInput {
  source: string;
  target: string | null;
  rule: string;
  dryRun: boolean;
  rows: readonly CrosswalkRow[];
  carriedOver: number;
  skippedNumbers: number;
  nearDuplicates: readonly NearDuplicateFinding[];
  undecidedGroups: number;
  unmapped: readonly UnmappedValue[];
  unknownDecisions: string[];
}

export function summarizeMigration(input: SummaryInput): MigrationSummary {
  const decisions = Object.fromEntries(MIGRATION_DECISIONS.map((decision) => [decision, 0])) as Record<MigrationDecision, number>;
  for (const row of input.rows) decisions[row.decision] += 1;
  const conflicts = input.rows
    .filter((row) => row.decision === 'conflict')
    .slice(0, FIRST)
    .map((row) => ({ oldCode: row.oldCode, code: row.heldBy === '' ? '' : row.heldBy.split(' ')[0] ?? '', heldBy: row.heldBy, reason: row.reason }));
  const missingFromSource = input.rows.filter((row) => row.sourceStatus === 'missing').length;
  return {
    source: input.source,
    target: input.target,
    rule: input.rule,
    dryRun: input.dryRun,
    rows: input.rows.length,
    decisions,
    carriedOver: input.carriedOver,
    decidedNow: input.rows.length - input.carriedOver - missingFromSource,
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
    examples: input.rows.filter((row) => row.sourceStatus !== 'missing').slice(0, 5),
    needsDecision: decisions.conflict > 0 || input.unmapped.length > 0 || input.undecidedGroups > 0,
  };
}
