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
 * in their source since the match are left out.
 */
export async function goldenReportTables(hub: Hub): Promise<HubReportTable[]> {
  // Live members only: a link whose record was since deleted no longer puts its customer in that source.
  const live = `SELECT l.* FROM links l JOIN customers c ON c.source = l.source AND c.code = l.code AND coalesce(c.org, '') = l.org WHERE c.deleted_at IS NULL`;
  const regions = await hub.query<{ region: string; n: number }>(
    `SELECT coalesce(nullif(g.region, ''), '(none 未填)') AS region, count(*)::INTEGER AS n FROM golden g WHERE g.global_id IN (SELECT global_id FROM (${live})) GROUP BY ALL ORDER BY n DESC, region`,
  );
  const sources = await hub.query<{ source: string; n: number }>(`SELECT source, count(DISTINCT global_id)::INTEGER AS n FROM (${live}) GROUP BY source ORDER BY source`);
  const tables: HubReportTable[] = [
    {
      name: 'regions',
      title: 'Global customers per region, each counted once 按地区的客户数（跨系统去重）',
      columns: ['region 地区', 'customers 客户数'],
      rows: regions.map((row) => [row.region, row.n]),
      totals: ['total 合计', regions.reduce((sum, row) => sum + row.n, 0)],
    },
    { name: 'sources', title: 'Global customers held by each source 各系统持有的客户数', columns: ['source 系统', 'customers 客户数'], rows: sources.map((row) => [row.source, row.n]) },
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
        title: `In ${present}, missing in ${missing} 在 ${present} 中、${missing} 中没有的客户 (${rows.length})`,
        columns: ['global id 全局编号', 'name 名称', `codes in ${present} 编码`],
        rows: rows.slice(0, MISSING_ROWS).map((row) => [row.global_id, row.name ?? '', row.codes]),
      });
    }
  }
  return tables;
}
