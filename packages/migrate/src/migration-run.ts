import { ConfigError } from '@custcode/core';
import type { Customer, CustomerSource } from '@custcode/core';
import { compileRule, createPreviewSequenceStore } from '@custcode/rules';
import type { CompiledRule } from '@custcode/rules';
import { customerKey, migrationKey, rowIdText } from './migration-key.js';
import type { MigrationEntry, MigrationState } from './migration-state.js';
import type { CrosswalkRow, MigrateOptions, MigrationDecisionInput, UnmappedValue } from './migration-types.js';
import { translateCustomer } from './translations.js';

/** What `migrate` reads: a source (its whole `search()` stream) or customers as an (async) iterable. */
export type MigrationInput = Pick<CustomerSource, 'search' | 'name'> | AsyncIterable<Customer> | Iterable<Customer>;

const isCompiled = (rule: MigrateOptions['rule']): rule is CompiledRule => typeof rule === 'object' && rule !== null && 'validate' in rule && 'generate' in rule;
export const isSource = (input: MigrationInput): input is Pick<CustomerSource, 'search' | 'name'> => typeof (input as { search?: unknown }).search === 'function';
export const customersOf = (input: MigrationInput): AsyncIterable<Customer> | Iterable<Customer> => (isSource(input) ? input.search() : input);

function indexCrosswalk(rows: Iterable<CrosswalkRow>): Map<string, CrosswalkRow> {
  const byKey = new Map<string, CrosswalkRow>();
  const owners = new Map<string, string>();
  for (const row of rows) {
    const key = migrationKey(row.oldCode, row.rowId, row.name, row.org);
    if (byKey.has(key)) throw new ConfigError({ message: `The crosswalk has two rows for ${key}.`, hint: 'Keep one row per old code and org; was the file edited by hand?' });
    if (row.decision === 'kept' || row.decision === 'generated') {
      // The rows of one customer in several orgs share its number.
      const owner = owners.get(row.newCode);
      if (owner !== undefined && owner !== customerKey(row.oldCode, row.rowId, row.name)) throw new ConfigError({ message: `The crosswalk gives ${row.newCode} to both ${owner} and ${key}.`, hint: 'Fix the crosswalk by hand: a new code belongs to one customer (use a merge decision for duplicates).' });
      owners.set(row.newCode, customerKey(row.oldCode, row.rowId, row.name));
    }
    byKey.set(key, { ...row });
  }
  return byKey;
}

/** What one run starts from: the rule, the store, the earlier crosswalk, the decisions, the codes already used. */
export interface MigrationRun {
  state: MigrationState;
  earlier: Map<string, CrosswalkRow>;
  decisions: Map<string, MigrationDecisionInput>;
  forcedKeep: Set<string>;
  unmapped: Map<string, UnmappedValue>;
  carriedOver: number;
}

export function startRun(options: MigrateOptions): MigrationRun {
  const rule = isCompiled(options.rule) ? options.rule : compileRule(options.rule);
  const store = options.dryRun ? createPreviewSequenceStore(new Map(), options.store) : options.store;
  const earlier = indexCrosswalk(options.crosswalk ?? []);
  const decisions = new Map<string, MigrationDecisionInput>((options.decisions ?? []).map((decision) => [decision.oldCode, decision]));
  const used = new Set<string>([...earlier.values()].filter((row) => row.newCode !== '' && row.decision !== 'merged-into').map((row) => row.newCode));
  const forcedKeep = new Set([...decisions.values()].filter((decision) => decision.decision === 'keep').map((decision) => decision.oldCode));
  return { state: { rule, store, options, used, skippedNumbers: 0 }, earlier, decisions, forcedKeep, unmapped: new Map(), carriedOver: 0 };
}

/** A source customer as an entry: translated (its unmapped values not counted). */
export function entryOf(run: MigrationRun, key: string, original: Customer, notes: string[] = []): MigrationEntry {
  return { key, original, customer: translateCustomer(original, run.state.options.translate).customer, notes };
}

/** A source customer as an entry: translated, its unmapped values counted. Call once per row, in generation order. */
export function enter(run: MigrationRun, key: string, original: Customer): MigrationEntry {
  const translated = translateCustomer(original, run.state.options.translate);
  for (const { field, value } of translated.unmapped) {
    const item = run.unmapped.get(`${field}\u0000${value}`) ?? { field, value, count: 0, examples: [] };
    item.count += 1;
    if (item.examples.length < 3) item.examples.push(original.code);
    run.unmapped.set(`${field}\u0000${value}`, item);
  }
  return { key, original, customer: translated.customer, notes: [] };
}

/**
 * Earlier numbers stay: a customer's first row is merged by a fresh decision, carried over from the stored
 * crosswalk (its row is set here), or decided now (kept or generated).
 */
export function classify(run: MigrationRun, entry: MigrationEntry): 'merge' | 'carried' | 'decide' {
  const decision = run.decisions.get(entry.original.code);
  const stored = run.earlier.get(entry.key);
  if (decision?.decision === 'merge' && !(stored?.decision === 'merged-into' && stored.mergedInto === decision.into)) return 'merge';
  if (stored && stored.decision !== 'conflict') {
    entry.row = { ...stored, name: entry.original.name, org: entry.original.org ?? '', sourceStatus: entry.original.status, review: '' };
    run.carriedOver += 1;
    return 'carried';
  }
  return 'decide';
}

export const forcedNew = (run: MigrationRun, entry: MigrationEntry) => run.decisions.get(entry.original.code)?.decision === 'new';

/** Rows of the stored crosswalk whose customer left the source: kept, so their numbers stay reserved. */
export function leftSourceRows(run: MigrationRun, present: (key: string) => boolean): CrosswalkRow[] {
  return [...run.earlier.entries()].filter(([key]) => !present(key)).map(([, row]) => ({ ...row, sourceStatus: 'missing' as const, review: '' }));
}

/** A customer's row in another org: the number of its first org's row. */
export function sameCustomerRow(run: MigrationRun, entry: MigrationEntry, first: CrosswalkRow): void {
  entry.row = {
    ...first, name: entry.original.name, org: entry.original.org ?? '', rowId: rowIdText(entry.original), sourceStatus: entry.original.status,
    reason: `the same customer as in org ${first.org}: ${first.decision}${first.newCode === '' ? '' : ` ${first.newCode}`} there`,
  };
  if (run.earlier.get(entry.key)?.newCode === first.newCode && first.newCode !== '') run.carriedOver += 1;
}

export const decidedActions = (run: MigrationRun) => new Map([...run.decisions.values()].map((decision) => [decision.oldCode, decision.decision]));

export function sortedUnmapped(run: MigrationRun): UnmappedValue[] {
  return [...run.unmapped.values()].sort((a, b) => b.count - a.count || (a.field < b.field ? -1 : a.field > b.field ? 1 : a.value < b.value ? -1 : 1));
}
