import { type DocumentLang, documentTerm } from '@custcode/core/messages';
import type { Hub } from './open-hub.js';

/** A table of the golden report (the shape of a report table: `@custcode/report` renders it). */
export interface HubReportTable {
  name: string;
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  totals?: Array<string | number>;
}

/** Rows listed per "in A, missing in B" table; the count covers all. */
const MISSING_ROWS = 1000;

/**
 * The golden report's tables: global customers (match clusters) per region counted once, how many each
 * source holds, and per pair of sources the global customers one has and the other lacks. Records deleted
 * in their source since the match are left out. Words in `lang` (default both, `中文 English`).
 */
export async function goldenReportTables(hub: Hub, lang: DocumentLang = 'both'): Promise<HubReportTable[]> {
  const term = (key: Parameters<typeof documentTerm>[1], values?: Record<string, string | number>) => documentTerm(lang, key, values);
  // Live members only: a link whose record was since deleted no longer puts its customer in that source.
  const live = `SELECT l.* FROM links l JOIN customers c ON c.source = l.source AND c.code = l.code AND coalesce(c.org, '') = l.org WHERE c.deleted_at IS NULL`;
  const regions = await hub.query<{ region: string; n: number }>(
    `SELECT coalesce(nullif(g.region, ''), $1) AS region, count(*)::INTEGER AS n FROM golden g WHERE g.global_id IN (SELECT global_id FROM (${live})) GROUP BY ALL ORDER BY n DESC, region`,
    [term('hub.none')],
  );
  const sources = await hub.query<{ source: string; n: number }>(`SELECT source, count(DISTINCT global_id)::INTEGER AS n FROM (${live}) GROUP BY source ORDER BY source`);
  const tables: HubReportTable[] = [
    {
      name: 'regions',
      title: term('hub.regions'),
      columns: [term('hub.region'), term('hub.customers')],
      rows: regions.map((row) => [row.region, row.n]),
      totals: [term('hub.total'), regions.reduce((sum, row) => sum + row.n, 0)],
    },
    { name: 'sources', title: term('hub.sources'), columns: [term('hub.source'), term('hub.customers')], rows: sources.map((row) => [row.source, row.n]) },
  ];
  for (const { source: present } of sources) {
    for (const { source: missing } of sources) {
      if (present === missing) continue;
      const rows = await hub.query<{ global_id: string; name: string | null; codes: string }>(
        `SELECT a.global_id, any_value(g.name) AS name, string_agg(a.code, ' ' ORDER BY a.code) AS codes FROM (${live}) a LEFT JOIN golden g USING (global_id)
         WHERE a.source = $1 AND a.global_id NOT IN (SELECT global_id FROM (${live}) WHERE source = $2) GROUP BY a.global_id ORDER BY a.global_id`,
        [present, missing],
      );
      tables.push({
        name: `${present}-not-${missing}`.slice(0, 31),
        title: term('hub.missing', { present, missing, count: rows.length }),
        columns: [term('hub.globalId'), term('hub.name'), term('hub.codesIn', { source: present })],
        rows: rows.slice(0, MISSING_ROWS).map((row) => [row.global_id, row.name ?? '', row.codes]),
      });
    }
  }
  return tables;
}
