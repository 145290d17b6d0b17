import type { Customer, CustomerStatus } from '@custcode/core';
import type { ErpKind } from '@custcode/core';
import { ConfigError } from '@custcode/core';
import { endStream, writeChunk } from '@custcode/export';
import { SNAPSHOT_FIELDS, type SnapshotEntry } from './change-types.js';

/** The first line of a snapshot file: what it is and when it was taken. */
export interface SnapshotHeader {
  custcode: 'snapshot';
  version: 1;
  source: string;
  takenAt: string;
}

export interface Snapshot {
  header: SnapshotHeader | undefined;
  entries: SnapshotEntry[];
}

/** Key of a customer in a snapshot: code and org. */
export const snapshotKey = (entry: { code: string; org?: string | undefined }): string => `${entry.code}\u0000${entry.org ?? ''}`;

export function toSnapshotEntry(customer: Customer): SnapshotEntry {
  const fields: SnapshotEntry['fields'] = {};
  for (const field of SNAPSHOT_FIELDS) if (customer[field] !== undefined) fields[field] = customer[field];
  return { code: customer.code, ...(customer.org === undefined ? {} : { org: customer.org }), fields };
}

/**
 * A snapshot as a role sees it (`view`: the role's row filter and masks, see guardSource's `access.view`):
 * entries outside the row filter are left out and masked fields masked, so that a comparison with what the
 * role reads now reports neither other customers nor the masks as changes.
 */
export function viewSnapshot(snapshot: Snapshot, view: (customer: Customer) => Customer | undefined, source: { name: string; erp: ErpKind }): Snapshot {
  const entries: SnapshotEntry[] = [];
  for (const entry of snapshot.entries) {
    const { status, ...fields } = entry.fields;
    const org = entry.org === undefined ? {} : { org: entry.org };
    const seen = view({ source: source.name, erp: source.erp, code: entry.code, name: '', ...fields, status: (status ?? 'active') as CustomerStatus, ...org, raw: {} });
    if (seen === undefined) continue;
    const kept = toSnapshotEntry(seen);
    if (entry.fields.name === undefined) delete kept.fields.name;
    entries.push(kept);
  }
  return { ...snapshot, entries };
}

/** Writes a snapshot as NDJSON: a header line, then one compact line per customer. Ends the output. */
export async function writeSnapshot(
  customers: AsyncIterable<Customer> | Iterable<Customer>,
  output: NodeJS.WritableStream,
  header: Omit<SnapshotHeader, 'custcode' | 'version'>,
): Promise<number> {
  async function* entries() {
    for await (const customer of customers) yield toSnapshotEntry(customer);
  }
  return writeSnapshotEntries(entries(), output, header);
}

/** Writes snapshot entries already taken (e.g. kept while diffing) as NDJSON. Ends the output. */
export async function writeSnapshotEntries(
  entries: AsyncIterable<SnapshotEntry> | Iterable<SnapshotEntry>,
  output: NodeJS.WritableStream,
  header: Omit<SnapshotHeader, 'custcode' | 'version'>,
): Promise<number> {
  await writeChunk(output, `${JSON.stringify({ custcode: 'snapshot', version: 1, ...header })}\n`);
  let count = 0;
  for await (const entry of entries) {
    await writeChunk(output, `${JSON.stringify(entry)}\n`);
    count += 1;
  }
  await endStream(output);
  return count;
}

function entryOf(value: unknown, where: string): SnapshotEntry {
  const entry = value as Partial<SnapshotEntry> | null;
  if (typeof entry !== 'object' || entry === null || typeof entry.code !== 'string' || (entry.fields !== undefined && typeof entry.fields !== 'object')) {
    throw new ConfigError({ message: `${where} is not a snapshot entry ({"code", "org"?, "fields"}).`, hint: 'Use a file written by custcode changes --save-snapshot.' });
  }
  return { code: entry.code, ...(typeof entry.org === 'string' ? { org: entry.org } : {}), fields: entry.fields ?? {} };
}

/** Reads a snapshot: NDJSON as written by writeSnapshot, or JSON (an array of entries, or `{header, entries}`). */
export function parseSnapshot(text: string, file = 'snapshot'): Snapshot {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { header: undefined, entries: [] };
  const isHeader = (value: unknown): value is SnapshotHeader => typeof value === 'object' && value !== null && (value as { custcode?: unknown }).custcode === 'snapshot';
  const parse = (line: string, where: string): unknown => {
    try {
      return JSON.parse(line);
    } catch (error) {
      throw new ConfigError({ message: `${where} is not valid JSON: ${(error as Error).message}.`, hint: 'Use a file written by custcode changes --save-snapshot.', cause: error });
    }
  };
  if (trimmed.startsWith('[')) {
    const values = parse(trimmed, file) as unknown[];
    return { header: undefined, entries: values.map((value, index) => entryOf(value, `${file} item ${index + 1}`)) };
  }
  const lines = trimmed.split(/\r?\n/);
  if (lines.length === 1 || !trimmed.startsWith('{"')) {
    const whole = parse(trimmed, file) as { header?: unknown; entries?: unknown[] };
    if (Array.isArray(whole.entries)) {
      return { header: isHeader(whole.header) ? whole.header : undefined, entries: whole.entries.map((value, index) => entryOf(value, `${file} entry ${index + 1}`)) };
    }
  }
  let header: SnapshotHeader | undefined;
  const entries: SnapshotEntry[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const value = parse(line, `${file} line ${index + 1}`);
    if (isHeader(value)) header = value;
    else entries.push(entryOf(value, `${file} line ${index + 1}`));
  });
  return { header, entries };
}
