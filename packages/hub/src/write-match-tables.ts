import type { Hub } from './open-hub.js';

/** What `links` needs of a match result's link (the shape of `@custcode/match`'s MatchLink). */
export interface HubLinkInput {
  globalId: string;
  source: string;
  code: string;
  org: string;
  name: string;
  score: number | null;
  evidence: string | null;
  detail: string;
  linkedTo: string;
}

/** What `golden` needs of a golden record (the shape of `@custcode/match`'s GoldenRecord). */
export interface HubGoldenInput {
  globalId: string;
  mergedIds: string[];
  members: readonly unknown[];
  sources: string[];
  fields: Record<string, { value: string; from: string }>;
}

const GOLDEN_COLUMNS = { name: 'name', shortName: 'short_name', taxId: 'tax_id', phone: 'phone', contact: 'contact', address: 'address', category: 'category', region: 'region', status: 'status' } as const;

/** Replaces the hub's `links` and `golden` tables with a match result's, in one transaction. */
export async function writeMatchTables(hub: Hub, result: { links: readonly HubLinkInput[]; golden: readonly HubGoldenInput[] }): Promise<void> {
  const { connection } = hub;
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run('DELETE FROM links');
    await connection.run('DELETE FROM golden');
    for (const link of result.links) {
      await connection.run('INSERT INTO links VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [link.globalId, link.source, link.code, link.org, link.name, link.score, link.evidence, link.detail, link.linkedTo]);
    }
    for (const record of result.golden) {
      const values = Object.keys(GOLDEN_COLUMNS).map((field) => record.fields[field]?.value || null);
      const from = Object.fromEntries(Object.entries(record.fields).map(([field, value]) => [field, value.from]));
      await connection.run(
        `INSERT INTO golden VALUES ($1, from_json($2, '["VARCHAR"]'), $3, from_json($4, '["VARCHAR"]'), ${values.map((_, index) => `$${index + 5}`).join(', ')}, $14)`,
        [record.globalId, JSON.stringify(record.sources), record.members.length, JSON.stringify(record.mergedIds), ...values, JSON.stringify(from)] as never,
      );
    }
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
