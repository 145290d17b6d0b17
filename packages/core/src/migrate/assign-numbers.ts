import { isCustcodeError } from '../errors/custcode-error.js';
import type { GeneratedCode } from '../rules/rule-types.js';
import { decide, type MigrationEntry, type MigrationState } from './migration-state.js';
import { describeHolder, targetHolders } from './target-holders.js';

/** Generated codes checked against the target per getMany call. */
const TARGET_BATCH = 500;

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

/**
 * Draws a number for every entry in order. A number the crosswalk or the target already holds is passed
 * over (and consumed, so it is never drawn again) and the next one is drawn.
 */
export async function generateNumbers(state: MigrationState, entries: MigrationEntry[]): Promise<void> {
  if (!canGenerate(state)) {
    for (const entry of entries) decide(entry, 'conflict', '', `the rule ${state.rule.pattern} has no {seq:N} serial, so it cannot generate a number`);
    return;
  }
  const draw = async (entry: MigrationEntry): Promise<GeneratedCode> => {
    const { category, region, org, createdAt } = entry.customer;
    const date = state.options.date ?? createdAt;
    for (;;) {
      const generated = await state.rule.generate({ category, region, org, ...(date === undefined ? {} : { date }) }, state.store);
      if (!state.used.has(generated.code)) return generated;
      await generated.confirm();
      state.skippedNumbers += 1;
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
          state.skippedNumbers += 1;
          entry.notes.push(`passed over ${generated.code}, held by target record ${describeHolder(holder)}`);
          pending.push(entry);
        } else accepted.push([entry, generated]);
      }
    }
    assignInOrder(state, accepted, position);
  }
}

/**
 * Numbers drawn again after a target hit come out of order; within one counter and template (codes that
 * differ only in their serial) the batch's numbers are handed out again in customer order, so serials
 * follow the generation order.
 */
function assignInOrder(state: MigrationState, accepted: Array<[MigrationEntry, GeneratedCode]>, position: ReadonlyMap<MigrationEntry, number>): void {
  const groups = new Map<string, Array<[MigrationEntry, GeneratedCode]>>();
  for (const item of accepted) {
    const parsed = state.rule.parse(item[1].code);
    const template = parsed ? parsed.segments.filter((segment) => segment.type !== 'seq').map((segment) => segment.text).join('\u0000') : item[1].code;
    const key = `${item[1].counterKey}\u0001${template}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const group of groups.values()) {
    group.sort(([a], [b]) => (position.get(a) as number) - (position.get(b) as number));
    const codes = group.map(([, generated]) => generated).sort((a, b) => a.serial - b.serial).map((generated) => generated.code);
    group.forEach(([entry], index) => decide(entry, 'generated', codes[index] as string, `new number from rule ${state.rule.pattern}`));
  }
}
