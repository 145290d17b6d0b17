import { ConfigError } from '@custcode/core';
import {
  checkWeights, clusterCounts, COMPARED_FIELDS, estimateMatchWeights, EVIDENCE_ORDER, type EvidenceKind, type FieldWeights, goldenRecord, initialWeights, type MatchCluster, matchedRecordView,
  type MatchLink, type MatchRecord, type MatchResult, MAX_BLOCK_COMPARISONS, type PatternCount, randomPairSample, type ReviewPair,
} from '@custcode/match';
import type { DuckDbConnection } from '../load-duckdb.js';
import type { Hub } from '../open-hub.js';
import { type HubMatchOptions, prepareMatchInputs } from './match-inputs.js';
import {
  blockingStages, CHANGED_LABELS, distancesSelect, LABEL_ROUND, LABELS, levelsSelect, NEXT_LABELS, type PipelineStage, resultStages, type ScoringParameters, scoringStages, stageStatement,
} from './match-pipeline.js';
import { DIALECTS, double } from './sql-dialect.js';

const LEVEL_COLUMNS = COMPARED_FIELDS.map((field) => `${field}_level`);

/** The thresholds checked as `match` checks them. */
export function scoringBand(options: { threshold?: number; reviewFrom?: number }): { threshold: number; reviewFrom: number } {
  const threshold = options.threshold ?? 0.95;
  const reviewFrom = options.reviewFrom ?? 0.5;
  if (!(threshold > 0 && threshold <= 1) || !(reviewFrom >= 0 && reviewFrom <= threshold)) {
    throw new ConfigError({ message: `Match threshold ${threshold} and review band start ${reviewFrom} are not 0 ≤ reviewFrom ≤ threshold ≤ 1 (threshold above 0).`, hint: 'For example threshold 0.95 and reviewFrom 0.5.' });
  }
  return { threshold, reviewFrom };
}

export async function runStages(hub: Hub, stages: readonly PipelineStage[]): Promise<void> {
  for (const stage of stages) await hub.connection.run(stageStatement('duckdb', stage));
}

/** Comparison vectors grouped: what the weights are estimated from. */
async function patterns(hub: Hub, levels: string): Promise<PatternCount[]> {
  const rows = await hub.query<Record<string, number | string>>(`SELECT ${LEVEL_COLUMNS.join(', ')}, count(*) AS n FROM (${levels}) v GROUP BY ${LEVEL_COLUMNS.join(', ')}`);
  return rows.map((row) => ({ levels: LEVEL_COLUMNS.map((column) => Number(row[column])), count: Number(row.n) }));
}

/**
 * The weights from the SQL engine's comparison vectors, by the JavaScript model's own estimation
 * (estimateMatchWeights): SQL counts the vectors of the candidates, the conflicting candidates and the labelled
 * pairs; the random pairs are the JavaScript engine's draw (same seed, same record numbers), compared in SQL.
 */
export async function estimateHubWeights(hub: Hub, records: readonly MatchRecord[]): Promise<{ weights: FieldWeights; iterations: number }> {
  const [candidates] = await hub.query<{ n: number | string }>('SELECT count(*) AS n FROM mx_candidates');
  if (Number(candidates!.n) === 0) return { weights: initialWeights(), iterations: 0 };
  const levelsOf = (pairs: string) => levelsSelect(`(${distancesSelect(DIALECTS.duckdb, pairs)})`);
  return estimateMatchWeights({
    candidates: await patterns(hub, 'SELECT * FROM mx_levels'),
    conflicting: await (async () => {
      // In two steps: in one query DuckDB may join the two records' keys on the inequality first (a cross product).
      await hub.connection.run('CREATE OR REPLACE TEMP TABLE mx_levels_coded AS SELECT l.*, x.org_code AS org_a FROM mx_levels l JOIN match_keys x ON x.rid = l.a');
      return patterns(hub, "SELECT l.* FROM mx_levels_coded l JOIN match_keys y ON y.rid = l.b WHERE l.org_a <> '' AND y.org_code <> '' AND l.org_a <> y.org_code");
    })(),
    labelled: await patterns(hub, levelsOf("(SELECT a, b FROM mx_decided WHERE decision = 'confirm' UNION ALL SELECT a, b FROM mx_evidence WHERE kind IN ('uscc', 'org-code'))")),
    random: async () => {
      const sample = randomPairSample(records.length, (index) => records[index]!.source);
      await hub.connection.run('CREATE OR REPLACE TEMP TABLE mx_random_pairs (a BIGINT, b BIGINT)');
      const appender = await (hub.connection as DuckDbConnection).createAppender('mx_random_pairs', 'main', 'temp');
      try {
        for (let index = 0; index < sample.length; index += 2) {
          appender.appendBigInt(BigInt(sample[index]!));
          appender.appendBigInt(BigInt(sample[index + 1]!));
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
      return patterns(hub, levelsOf('mx_random_pairs'));
    },
  });
}

/** Runs min-label propagation until no label moves: each round is one SQL statement. */
export async function propagateLabels(hub: Hub, records: number): Promise<number> {
  for (let round = 1; round <= records + 1; round++) {
    await runStages(hub, [LABEL_ROUND]);
    const [row] = await hub.query<{ changed: number | string }>(CHANGED_LABELS);
    await hub.connection.run(`DROP TABLE ${LABELS}`);
    await hub.connection.run(`ALTER TABLE ${NEXT_LABELS} RENAME TO ${LABELS}`);
    if (Number(row!.changed) === 0) return round;
  }
  throw new Error('label propagation did not settle');
}

/**
 * The match pipeline run as SQL by DuckDB over the hub's `customers` (the `--engine sql` of `custcode match --hub`):
 * blocking joins, comparison levels, Fellegi–Sunter scores, deterministic evidence, connected components by
 * min-label propagation, stable global ids, links and the review band — the same rules and constants as the
 * JavaScript `match`, from one definition (match-pipeline.ts) that is also rendered for Spark SQL. Keys are
 * computed by the JavaScript model; the weights are estimated by it from vectors SQL counts; golden records
 * are built by it from the clusters SQL found.
 */
export async function matchHub(hub: Hub, options: HubMatchOptions): Promise<MatchResult> {
  const band = scoringBand(options);
  const names = options.sources;
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new ConfigError({ message: `Source "${repeated}" is given twice.`, hint: 'Match each source once; records are named by source and code.' });
  const records = await prepareMatchInputs(hub, options);
  await runStages(hub, blockingStages('duckdb'));
  const estimated = options.weights === undefined ? await estimateHubWeights(hub, records) : { weights: checkWeights(options.weights), iterations: 0 };
  const parameters: ScoringParameters = { weights: estimated.weights, ...band };
  await runStages(hub, scoringStages(parameters));
  await propagateLabels(hub, records.length);
  await runStages(hub, resultStages(parameters));
  return readResult(hub, names, records, parameters, { estimated: options.weights === undefined, iterations: estimated.iterations }, options.sourcePriority ?? []);
}

interface LinkRowSql { global_id: string; source: string; code: string; org: string; name: string; score: number | null; evidence: EvidenceKind | null; detail: string; linked_to: string; rid: number | string; label: number | string }

async function readResult(hub: Hub, names: readonly string[], records: readonly MatchRecord[], parameters: ScoringParameters, estimation: { estimated: boolean; iterations: number }, priority: readonly string[]): Promise<MatchResult> {
  const rows = await hub.query<LinkRowSql>('SELECT * FROM mx_links ORDER BY rid');
  const links: MatchLink[] = rows.map((row) => ({ source: row.source, code: row.code, org: row.org, globalId: row.global_id, name: row.name, score: row.score, evidence: row.evidence, detail: row.detail, linkedTo: row.linked_to }));
  const globalIdOf = rows.map((row) => row.global_id);

  // Clusters in the order of their smallest record, as the JavaScript engine lists them.
  const byLabel = new Map<number, number[]>();
  for (const row of rows) {
    const label = Number(row.label);
    const members = byLabel.get(label);
    if (members) members.push(Number(row.rid));
    else byLabel.set(label, [Number(row.rid)]);
  }
  const merged = new Map<string, string[]>();
  for (const row of await hub.query<{ label: number | string; global_id: string }>('SELECT label, global_id FROM mx_previous_held WHERE id_rank > 1 ORDER BY label, id_rank')) {
    const key = String(row.label);
    merged.set(key, [...(merged.get(key) ?? []), row.global_id]);
  }
  const ordered = [...byLabel.entries()].sort(([a], [b]) => a - b);
  const refOf = (record: MatchRecord) => ({ source: record.source, code: record.code, org: record.org });
  const clusters: MatchCluster[] = ordered.map(([, members]) => ({
    globalId: globalIdOf[members[0]!]!,
    members: members.map((index) => refOf(records[index]!)),
    sources: [...new Set(members.map((index) => records[index]!.source))].sort(),
  }));
  const golden = ordered.map(([label, members]) => goldenRecord(globalIdOf[members[0]!]!, merged.get(String(label)) ?? [], members.map((index) => records[index]!), priority));

  const review: ReviewPair[] = (await hub.query<{ a: number | string; b: number | string; probability: number; detail: string }>('SELECT a, b, probability, detail FROM mx_review ORDER BY probability DESC, a, b')).map((row) => {
    const a = Number(row.a);
    const b = Number(row.b);
    return { a: matchedRecordView(records[a]!, globalIdOf[a]!), b: matchedRecordView(records[b]!, globalIdOf[b]!), probability: row.probability, detail: row.detail };
  });

  // Links per evidence kind in a spanning forest: within a kind the order does not change the count, so a
  // union–find over the edges by kind gives the JavaScript engine's figures.
  const linkedBy = Object.fromEntries(EVIDENCE_ORDER.map((kind) => [kind, 0])) as Record<EvidenceKind, number>;
  const parent = Int32Array.from({ length: records.length }, (_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  for (const edge of await hub.query<{ a: number | string; b: number | string; kind: EvidenceKind }>('SELECT a, b, kind FROM mx_edges ORDER BY rank')) {
    const rootA = find(Number(edge.a));
    const rootB = find(Number(edge.b));
    if (rootA === rootB) continue;
    parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    linkedBy[edge.kind]++;
  }
  const scoreHistogram = new Array<number>(10).fill(0);
  for (const row of await hub.query<{ bucket: number; n: number | string }>('SELECT least(9, CAST(floor(probability * 10) AS INTEGER)) AS bucket, count(*) AS n FROM mx_scores GROUP BY ALL')) scoreHistogram[row.bucket] = Number(row.n);
  // capped: the comparisons the block caps left out, counted as the JavaScript blocking counts them.
  const [counts] = await hub.query<{ candidates: number | string; blocked: number | string; capped: number | string }>(
    `SELECT (SELECT count(*) FROM mx_candidates) AS candidates,
      (SELECT coalesce(sum(greatest(pos - 1 - ${MAX_BLOCK_COMPARISONS}, 0)), 0) FROM mx_block_keys)
        + (SELECT coalesce(sum(x.n * y.n - least(x.n, ${MAX_BLOCK_COMPARISONS}) * least(y.n, ${MAX_BLOCK_COMPARISONS})), 0) FROM mx_name_pairs p
          JOIN (SELECT name, count(*) AS n FROM mx_name_records GROUP BY name) x ON x.name = p.name_a
          JOIN (SELECT name, count(*) AS n FROM mx_name_records GROUP BY name) y ON y.name = p.name_b) AS capped,
      (SELECT count(*) FROM (SELECT a, b FROM mx_evidence UNION ALL SELECT a, b FROM mx_scores WHERE probability >= ${double(parameters.threshold)}) e
        JOIN mx_decided r ON r.decision = 'reject' AND r.a = least(e.a, e.b) AND r.b = greatest(e.a, e.b)) AS blocked`,
  );
  return {
    links,
    golden,
    review,
    clusters,
    summary: {
      ...clusterCounts(names, records, clusters),
      candidatePairs: Number(counts!.candidates),
      blockingCapped: Number(counts!.capped),
      linkedBy,
      review: review.length,
      blockedByRejection: Number(counts!.blocked),
      weights: { ...parameters.weights, ...estimation },
      scoreHistogram,
    },
  };
}
