import type { DuplicateFinding } from './audit-types.js';

/**
 * Every record that has a code: the code as stored, name, row id and org, by slot. Duplicates are
 * found with one hash probe per record (a Set); their slots are gathered at the end.
 */
export class CodeLedger {
  readonly codes: string[] = [];
  readonly names: string[] = [];
  private readonly rowIds: Array<string | null> = [];
  private readonly orgs: Array<string | null> = [];
  private readonly scopedKeys: string[] = [];
  private readonly seenKeys = new Set<string>();
  private readonly duplicatedKeys = new Set<string>();

  /** Records `stored` under its duplicate key; duplicates are looked for per org. Returns the slot. */
  add(stored: string, key: string, name: string, rowId: string | null, org: string | null): number {
    const slot = this.codes.length;
    this.codes.push(stored);
    this.names.push(name);
    this.rowIds.push(rowId);
    this.orgs.push(org);
    const scopedKey = org ? `${org}\u0001${key}` : key;
    this.scopedKeys.push(scopedKey);
    const seenBefore = this.seenKeys.size;
    this.seenKeys.add(scopedKey);
    if (this.seenKeys.size === seenBefore) this.duplicatedKeys.add(scopedKey);
    return slot;
  }

  duplicates(): DuplicateFinding[] {
    const groups = new Map<string, number[]>();
    for (const scopedKey of this.duplicatedKeys) groups.set(scopedKey, []);
    if (groups.size > 0) {
      for (let slot = 0; slot < this.scopedKeys.length; slot++) groups.get(this.scopedKeys[slot]!)?.push(slot);
    }
    return [...groups].map(([scopedKey, slots]) => ({
      code: scopedKey.slice(scopedKey.indexOf('\u0001') + 1),
      records: slots.map((slot) => this.codes[slot]!),
      names: slots.map((slot) => this.names[slot]!),
      rowIds: slots.map((slot) => this.rowIds[slot]!),
      org: this.orgs[slots[0]!]!,
    }));
  }
}
