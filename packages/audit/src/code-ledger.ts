import type { DuplicateFinding } from './audit-types.js';

/** Per org: the last key while keys arrive in ascending order, the set of keys seen once they do not. */
interface OrgKeys {
  lastKey: string;
  seen: Set<string> | undefined;
}

/**
 * Every record that has a code: the code as stored, name, row id and org, by slot. Duplicates are
 * looked for per org. Sources stream in code order, and while an org's keys keep ascending none can
 * repeat, so a comparison with the previous key is enough; the first key out of order builds that
 * org's Set of keys (one pass) and every later key is probed in it. The slots of duplicated keys are
 * gathered at the end.
 */
export class CodeLedger {
  readonly codes: string[] = [];
  readonly names: string[] = [];
  private readonly rowIds: Array<string | null> = [];
  private readonly orgs: Array<string | null> = [];
  private readonly keys: string[] = [];
  private readonly byOrg = new Map<string | null, OrgKeys>();
  private readonly duplicated = new Map<string | null, Set<string>>();
  private lastOrg: string | null | undefined;
  private lastOrgKeys: OrgKeys | undefined;

  /** `key` is never '' (records without a code are reported as missing, not kept here). */
  add(stored: string, key: string, name: string, rowId: string | null, org: string | null): void {
    this.codes.push(stored);
    this.names.push(name);
    this.rowIds.push(rowId);
    this.orgs.push(org);
    this.keys.push(key);
    let orgKeys = this.lastOrgKeys;
    if (org !== this.lastOrg || orgKeys === undefined) {
      orgKeys = this.byOrg.get(org);
      if (!orgKeys) this.byOrg.set(org, (orgKeys = { lastKey: '', seen: undefined }));
      this.lastOrg = org;
      this.lastOrgKeys = orgKeys;
    }
    if (orgKeys.seen === undefined) {
      if (key > orgKeys.lastKey) {
        orgKeys.lastKey = key;
        return;
      }
      orgKeys.seen = this.keysBefore(this.keys.length - 1, org);
    }
    const before = orgKeys.seen.size;
    orgKeys.seen.add(key);
    if (orgKeys.seen.size === before) {
      const keys = this.duplicated.get(org);
      if (keys) keys.add(key);
      else this.duplicated.set(org, new Set([key]));
    }
  }

  /** The keys of the org's slots before `end` (all distinct: they ascended). */
  private keysBefore(end: number, org: string | null): Set<string> {
    const keys = new Set<string>();
    for (let slot = 0; slot < end; slot++) if (this.orgs[slot] === org) keys.add(this.keys[slot]!);
    return keys;
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
