import { isCustcodeError } from '@custcode/core';
import type { GeneratedCode } from '@custcode/rules';
import { decide, type MigrationEntry, type MigrationState } from './migration-state.js';
import { describeHolder, targetHolders } from './target-holders.js';

/** Generated codes checked against the target per getMany call. */
export const TARGET_BATCH = 500;
/** Numbers passed over that a reason names one by one; more are counted. */
const NAMED_PASSED_OVER = 5;

/** A number drawn and passed over, and who holds it. */
export interface PassedOver {
  generated: GeneratedCode;
  heldBy: string;
}

const canGenerate = (state: MigrationState) => state.rule.segments.some((segment) => segment.type === 'seq' || segment.type === 'grades');

/**
 * External number assignment: an old code is kept when the rule accepts it (or the user said `keep`), no other
 * row has it and the target does not hold it. A target holding it makes a conflict; the others go on to
 * generation. Returns the entries that still need a number.
 */
export async function keepOldCodes(state: MigrationState, entries: MigrationEntry[], forced: ReadonlySet<string>): Promise<MigrationEntry[]> {
  const candidates: MigrationEntry[] = [];
  const rest: MigrationEntry[] = [];
  for (const entry of entries) {
    const code = entry.original.code;
    const wanted = forced.has(code) || state.options.keep === true;
    if (!wanted || code.trim() === '') {
      if (wanted) entry.notes.push('the customer has no old code to keep');
      rest.push(entry);
      continue;
    }
    const validation = state.rule.validate(code);
    if (!forced.has(code) && !validation.valid) {
      entry.notes.push(`old code not kept: ${(validation.errors[0]?.message ?? 'the rule does not accept it').replace(/\.$/, '')}`);
      rest.push(entry);
    } else if (state.used.has(code)) {
      entry.notes.push(`old code not kept: the crosswalk already gives ${code} to another customer`);
      rest.push(entry);
    } else candidates.push(entry);
  }
  const holders = await targetHolders(state.options.target, candidates.map((entry) => entry.original.code), state.options.targetOrg);
  for (const entry of candidates) {
    const code = entry.original.code;
    const holder = holders.get(code);
    state.used.add(code);
    if (holder) {
      decide(entry, 'conflict', '', `old code ${code} is held by a target record: decide "new" (a fresh number) or "merge" into that record`, { heldBy: describeHolder(holder) });
    } else {
      const why = forced.has(code) ? 'kept by decision' : 'old code is valid under the rule';
      decide(entry, 'kept', code, `${why} and free${state.options.target ? ' in the target' : ''}`);
    }
  }
  return rest;
}

/** Numbers passed over and not yet told, per counter and template: they wait for the next number drawn. */
export type PassedOverByKey = Map<string, PassedOver[]>;

/**
 * Draws a number for every entry in order. A number the crosswalk or the target already holds is passed
 * over (and consumed, so it is never drawn again) and the next one is drawn. A run that hands the entries
 * over in slices of TARGET_BATCH passes the same `passedOver` to every call, and gets the same numbers.
 */
export async function generateNumbers(state: MigrationState, entries: MigrationEntry[], passedOver: PassedOverByKey = new Map()): Promise<void> {
  if (!canGenerate(state)) {
    for (const entry of entries) decide(entry, 'conflict', '', `the rule ${state.rule.pattern} has no {seq:N} serial, so it cannot generate a number`);
    return;
  }
  // Numbers passed over are told to the customer that gets the next number after them, once the batch's
  // numbers are handed out in customer order (the customer that drew one may end up before it).
  const pass = (generated: GeneratedCode, heldBy: string) => {
    state.skippedNumbers += 1;
    const key = sequenceKey(state, generated);
    passedOver.set(key, [...(passedOver.get(key) ?? []), { generated, heldBy }]);
  };
  const draw = async (entry: MigrationEntry): Promise<GeneratedCode> => {
    const { category, region, org, createdAt } = entry.customer;
    const date = state.options.date ?? createdAt;
    for (;;) {
      const generated = await state.rule.generate({ category, region, org, ...(date === undefined ? {} : { date }) }, state.store);
      if (!state.used.has(generated.code)) return generated;
      await generated.confirm();
      pass(generated, 'already given to another customer');
    }
  };
  const position = new Map(entries.map((entry, index) => [entry, index]));
  for (let start = 0; start < entries.length; start += TARGET_BATCH) {
    let pending = entries.slice(start, start + TARGET_BATCH);
    const accepted: Array<[MigrationEntry, GeneratedCode]> = [];
    while (pending.length > 0) {
      const drawn: Array<[MigrationEntry, GeneratedCode]> = [];
      for (const entry of pending) {
        let generated: GeneratedCode;
        try {
          generated = await draw(entry);
        } catch (error) {
          // A rule part the record cannot fill (no category for {category:2}), or the serial ran out.
          if (!isCustcodeError(error, 'CONFIG_INVALID')) throw error;
          decide(entry, 'conflict', '', `no number: ${error.message}`);
          continue;
        }
        state.used.add(generated.code);
        drawn.push([entry, generated]);
      }
      const holders = await targetHolders(state.options.target, drawn.map(([, generated]) => generated.code), state.options.targetOrg);
      pending = [];
      for (const [entry, generated] of drawn) {
        // Consumed either way: the number is now this customer's, or the target's.
        await generated.confirm();
        const holder = holders.get(generated.code);
        if (holder) {
          pass(generated, `held by target record ${describeHolder(holder)}`);
          pending.push(entry);
        } else accepted.push([entry, generated]);
      }
    }
    assignInOrder(state, accepted, position, passedOver);
  }
}

/** Codes that differ only in their serial: one counter and one template. */
function sequenceKey(state: MigrationState, generated: GeneratedCode): string {
  const parsed = state.rule.parse(generated.code);
  const template = parsed ? parsed.segments.filter((segment) => segment.type !== 'seq').map((segment) => segment.text).join('\u0000') : generated.code;
  return `${generated.counterKey}\u0001${template}`;
}

/** The reason's account of the numbers passed over just before a customer's number, in order. */
function passedOverNotes(passed: readonly PassedOver[]): string[] {
  const sorted = [...passed].sort((a, b) => a.generated.serial - b.generated.serial);
  const notes = sorted.slice(0, NAMED_PASSED_OVER).map(({ generated, heldBy }) => `passed over ${generated.code}, ${heldBy}`);
  if (sorted.length > NAMED_PASSED_OVER) notes.push(`passed over ${sorted.length - NAMED_PASSED_OVER} more numbers before it`);
  return notes;
}

/**
 * Numbers drawn again after a target hit come out of order; within one counter and template (codes that
 * differ only in their serial) the batch's numbers are handed out again in customer order, so serials
 * follow the generation order. Each number passed over goes into the reason of the customer that gets the
 * next number after it (numbers passed over after the batch's last one wait for the next batch).
 */
function assignInOrder(
  state: MigrationState,
  accepted: Array<[MigrationEntry, GeneratedCode]>,
  position: ReadonlyMap<MigrationEntry, number>,
  passedOver: PassedOverByKey,
): void {
  const groups = new Map<string, Array<[MigrationEntry, GeneratedCode]>>();
  for (const item of accepted) {
    const key = sequenceKey(state, item[1]);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const [key, group] of groups) {
    group.sort(([a], [b]) => (position.get(a) as number) - (position.get(b) as number));
    const numbers = group.map(([, generated]) => generated).sort((a, b) => a.serial - b.serial);
    let waiting = passedOver.get(key) ?? [];
    group.forEach(([entry], index) => {
      const serial = numbers[index]!.serial;
      entry.notes.push(...passedOverNotes(waiting.filter((passed) => passed.generated.serial < serial)));
      waiting = waiting.filter((passed) => passed.generated.serial > serial);
      decide(entry, 'generated', numbers[index]!.code, `new number from rule ${state.rule.pattern}`);
    });
    passedOver.set(key, waiting);
  }
}
