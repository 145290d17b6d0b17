import type { DuplicateFinding } from './audit-types.js';

/**
 * Every record that has a code: the code as stored, name, row id and org, by slot. Duplicates are
 * looked for per org with one hash probe per record (a Set per org, no key string built per record);
 * the slots of duplicated keys are gathered at the end.
 */
export class CodeLedger {
  readonly codes: string[] = [];
  readonly names: string[] = [];
  private readonly rowIds: Array<string | null> = [];
  private readonly orgs: Array<string | null> = [];
  private readonly keys: string[] = [];
  private readonly seen = new Map<string | null, Set<string>>();
  private readonly duplicated = new Map<string | null, Set<string>>();
  private lastOrg: string | null | undefined;
  private lastSeen: Set<string> | undefined;

  add(stored: string, key: string, name: string, rowId: string | null, org: string | null): void {
    this.codes.push(stored);
    this.names.push(name);
    this.rowIds.push(rowId);
    this.orgs.push(org);
    this.keys.push(key);
    if (org !== this.lastOrg || this.lastSeen === undefined) {
      this.lastOrg = org;
      this.lastSeen = this.seen.get(org);
      if (!this.lastSeen) this.seen.set(org, (this.lastSeen = new Set()));
    }
    const before = this.lastSeen.size;
    this.lastSeen.add(key);
    if (this.lastSeen.size === before) {
      const keys = this.duplicated.get(org);
      if (keys) keys.add(key);
      else this.duplicated.set(org, new Set([key]));
    }
  }

  duplicates(): DuplicateFinding[] {
    if (this.duplicated.size === 0) return [];
    const groups = new Map<string | null, Map<string, number[]>>();
    for (const [org, keys] of this.duplicated) groups.set(org, new Map([...keys].map((key) => [key, []])));
    for (let slot = 0; slot < this.keys.length; slot++) groups.get(this.orgs[slot]!)?.get(this.keys[slot]!)?.push(slot);
    const entries: Array<{ org: string | null; key: string; slots: number[] }> = [];
    for (const [org, byKey] of groups) for (const [key, slots] of byKey) entries.push({ org, key, slots });
    // In stream order of each group's first record.
    return entries
      .sort((a, b) => a.slots[0]! - b.slots[0]!)
      .map(({ org, key, slots }) => ({
        code: key,
        records: slots.map((slot) => this.codes[slot]!),
        names: slots.map((slot) => this.names[slot]!),
        rowIds: slots.map((slot) => this.rowIds[slot]!),
        org,
      }));
  }
}
