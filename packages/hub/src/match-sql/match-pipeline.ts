import {
  ADDRESS_SIMILAR, COMPARED_FIELDS, describeLevels, EVIDENCE_ORDER, type EvidenceKind, fieldWeight, type FieldWeights, LEVELS, MAX_BLOCK_COMPARISONS, MAX_GROUP,
  MAX_WILDCARD_BLOCK_COMPARISONS, MAX_WILDCARD_POSITIONS, MIN_FUZZY_LENGTH, NAME_CLOSE, NAME_FUZZY, NAME_WINDOW, PHONE_NAME_SIMILARITY,
} from '@custcode/match';
import { DIALECTS, double, type MatchSqlDialect, type SqlDialect, text } from './sql-dialect.js';

/**
 * The match pipeline as SQL, defined once and rendered for DuckDB or Spark SQL. Every constant (blocking caps,
 * level thresholds, group sizes, the evidence order, the weights) comes from `@custcode/match`, the model the
 * JavaScript engine runs, so the two engines cannot drift apart.
 *
 * Inputs (tables or views): `match_keys` (one row per record: rid, the record's number in read order, and the
 * normalised keys the JavaScript model computes), `mx_decisions` (a reviewer's decisions) and `mx_previous`
 * (the global ids of an earlier run). Every stage is one SELECT materialised under its name.
 */
export interface PipelineStage {
  name: string;
  /** The SELECT, in the dialect. */
  body: string;
  /** The stage uses a dialect hook, so its text differs between DuckDB and Spark (not in the shared subset). */
  dialectSpecific: boolean;
}

/** The input relations and their columns (the runner reads them from Parquet on Spark). */
export const PIPELINE_INPUTS = {
  match_keys: ['rid', 'source', 'code', 'org', 'name', 'name_core', 'pinyin', 'uscc', 'org_code', 'tax_form', 'phone', 'address', 'category', 'region_or_place'],
  mx_decisions: ['a_source', 'a_code', 'a_org', 'b_source', 'b_code', 'b_org', 'decision', 'seq'],
  mx_previous: ['source', 'code', 'org', 'global_id', 'seq'],
} as const;

/** The relation the label propagation reads, and the stage that computes its next round. */
export const LABELS = 'mx_labels';
export const NEXT_LABELS = 'mx_labels_next';
/** Labels that moved in the last round: 0 means every record carries its component's smallest rid. */
export const CHANGED_LABELS = `SELECT count(*) AS changed FROM ${NEXT_LABELS} n JOIN ${LABELS} l ON l.rid = n.rid WHERE n.label <> l.label`;

export interface ScoringParameters {
  weights: FieldWeights;
  threshold: number;
  reviewFrom: number;
}

const level = (field: string) => `${field}_level`;
const LEVEL_COLUMNS = COMPARED_FIELDS.map(level).join(', ');
const BLOCK_KEYS = ['name_core', 'pinyin', 'phone', 'address', 'uscc', 'org_code'] as const;
const values = (count: number, alias: string) => `(VALUES ${Array.from({ length: count }, (_, index) => `(${index + 1})`).join(', ')}) AS ${alias}`;
const rank = (kind: EvidenceKind) => EVIDENCE_ORDER.indexOf(kind);
const recordLabel = (alias: string) => `${alias}.source || ':' || ${alias}.code || CASE WHEN ${alias}.org = '' THEN '' ELSE '@' || ${alias}.org END`;

/**
 * 1 − distance / longer length, as editSimilarity computes it; NULL when a side is empty or both are equal; 0
 * without computing the distance when the lengths alone keep it below `minimum` (the distance is at least
 * their difference), as editSimilarity returns early.
 */
function similarity(dialect: SqlDialect, a: string, b: string, minimum: number): string {
  const longer = `CAST(greatest(length(${a}), length(${b})) AS DOUBLE)`;
  return `CASE WHEN ${a} = '' OR ${b} = '' OR ${a} = ${b} THEN NULL
    WHEN CAST(abs(length(${a}) - length(${b})) AS DOUBLE) > ${double(1 - minimum)} * ${longer} + ${double(1e-9)} THEN CAST(0 AS DOUBLE)
    ELSE 1 - CAST(${dialect.editDistance(a, b)} AS DOUBLE) / ${longer} END`;
}

/** The name and address similarities of the pairs in `pairs` (columns a, b). */
export function distancesSelect(dialect: SqlDialect, pairs: string): string {
  return `SELECT p.a, p.b,
  ${similarity(dialect, 'x.name_core', 'y.name_core', NAME_FUZZY)} AS name_similarity,
  ${similarity(dialect, 'x.address', 'y.address', ADDRESS_SIMILAR)} AS address_similarity
FROM ${pairs} p JOIN match_keys x ON x.rid = p.a JOIN match_keys y ON y.rid = p.b`;
}

const equality = (column: string) => `CASE WHEN x.${column} = '' OR y.${column} = '' THEN -1 WHEN x.${column} = y.${column} THEN 1 ELSE 0 END`;

/** The comparison vector (one level per compared field, -1 for null) of the pairs in `distances`; the levels of compareRecords. */
export function levelsSelect(distances: string): string {
  const expressions: Record<(typeof COMPARED_FIELDS)[number], string> = {
    name: `CASE WHEN x.name_core = '' OR y.name_core = '' THEN -1 WHEN x.name_core = y.name_core THEN 3 WHEN d.name_similarity >= ${double(NAME_CLOSE)} THEN 2 WHEN d.name_similarity >= ${double(NAME_FUZZY)} THEN 1 ELSE 0 END`,
    pinyin: equality('pinyin'),
    address: `CASE WHEN x.address = '' OR y.address = '' THEN -1 WHEN x.address = y.address THEN 2 WHEN d.address_similarity >= ${double(ADDRESS_SIMILAR)} THEN 1 ELSE 0 END`,
    phone: equality('phone'),
    category: equality('category'),
    region: equality('region_or_place'),
  };
  return `SELECT d.a, d.b, ${COMPARED_FIELDS.map((field) => `${expressions[field]} AS ${level(field)}`).join(',\n  ')}
FROM ${distances} d JOIN match_keys x ON x.rid = d.a JOIN match_keys y ON y.rid = d.b`;
}

/**
 * Stages up to the comparison vectors and the deterministic evidence: what the weights are estimated from
 * and what scoring needs. Blocking is candidatePairs' rules: equal keys (a newcomer compared with the first
 * 50 of its block), and among the distinct names of 4+ characters one-substitution blocks and the 4
 * neighbours in name and reversed-name order, at most 50 records of each name.
 */
export function blockingStages(dialectName: MatchSqlDialect): PipelineStage[] {
  const dialect = DIALECTS[dialectName];
  const stages: Array<Omit<PipelineStage, 'dialectSpecific'> & { dialectSpecific?: boolean }> = [
    {
      name: 'mx_block_keys',
      body: `SELECT key_no, block_key, rid, source, row_number() OVER (PARTITION BY key_no, block_key ORDER BY rid) AS pos
FROM (
${BLOCK_KEYS.map((key, index) => `  SELECT ${index + 1} AS key_no, ${key} AS block_key, rid, source FROM match_keys`).join('\n  UNION ALL\n')}
) keyed
WHERE block_key <> ''`,
    },
    {
      name: 'mx_pairs_exact',
      body: `SELECT l.rid AS a, r.rid AS b
FROM mx_block_keys l JOIN mx_block_keys r ON r.key_no = l.key_no AND r.block_key = l.block_key AND r.pos > l.pos
WHERE l.pos <= ${MAX_BLOCK_COMPARISONS} AND l.source <> r.source`,
    },
    {
      name: 'mx_names',
      body: `SELECT name, row_number() OVER (ORDER BY name) AS name_pos, row_number() OVER (ORDER BY reverse(name)) AS reverse_pos
FROM (SELECT DISTINCT name_core AS name FROM match_keys WHERE length(name_core) >= ${MIN_FUZZY_LENGTH}) distinct_names`,
    },
    {
      name: 'mx_name_records',
      body: `SELECT name_core AS name, rid, source, row_number() OVER (PARTITION BY name_core ORDER BY rid) AS pos
FROM match_keys WHERE length(name_core) >= ${MIN_FUZZY_LENGTH}`,
    },
    {
      // A name with one character taken out, per position (only the first 24 characters count, as the JavaScript hash).
      name: 'mx_wildcards',
      body: `SELECT name, wild_pos, name_length, wildcard, row_number() OVER (PARTITION BY wild_pos, name_length, wildcard ORDER BY name_pos) AS member
FROM (
  SELECT n.name, n.name_pos, p.wild_pos, length(n.name) AS name_length,
    substring(n.name, 1, p.wild_pos - 1) || substring(n.name, p.wild_pos + 1, ${MAX_WILDCARD_POSITIONS} - p.wild_pos) AS wildcard
  FROM mx_names n JOIN ${values(MAX_WILDCARD_POSITIONS, 'p(wild_pos)')} ON p.wild_pos <= length(n.name)
) wild`,
    },
    {
      name: 'mx_name_pairs',
      // The neighbour's position is a column of its own, so that both engines plan an equi-join, not a cross product.
      body: `SELECT l.name AS name_a, r.name AS name_b
FROM (SELECT n.name, n.name_pos + o.step AS target FROM mx_names n CROSS JOIN ${values(NAME_WINDOW, 'o(step)')}) l JOIN mx_names r ON r.name_pos = l.target
UNION ALL
SELECT l.name, r.name
FROM (SELECT n.name, n.reverse_pos + o.step AS target FROM mx_names n CROSS JOIN ${values(NAME_WINDOW, 'o(step)')}) l JOIN mx_names r ON r.reverse_pos = l.target
UNION ALL
SELECT l.name, r.name FROM mx_wildcards l JOIN mx_wildcards r ON r.wild_pos = l.wild_pos AND r.name_length = l.name_length AND r.wildcard = l.wildcard AND r.member > l.member
WHERE l.member <= ${MAX_WILDCARD_BLOCK_COMPARISONS}`,
    },
    {
      name: 'mx_pairs_fuzzy',
      body: `SELECT least(x.rid, y.rid) AS a, greatest(x.rid, y.rid) AS b
FROM mx_name_pairs p
JOIN mx_name_records x ON x.name = p.name_a AND x.pos <= ${MAX_BLOCK_COMPARISONS}
JOIN mx_name_records y ON y.name = p.name_b AND y.pos <= ${MAX_BLOCK_COMPARISONS}
WHERE x.source <> y.source`,
    },
    {
      name: 'mx_candidates',
      body: `SELECT DISTINCT a, b FROM (SELECT a, b FROM mx_pairs_exact UNION ALL SELECT a, b FROM mx_pairs_fuzzy) pairs`,
    },
    { name: 'mx_distances', body: distancesSelect(dialect, 'mx_candidates'), dialectSpecific: true },
    { name: 'mx_levels', body: levelsSelect('mx_distances') },
    {
      name: 'mx_phone_similar',
      dialectSpecific: true,
      body: `SELECT x.rid AS a, y.rid AS b, x.phone, x.name_core AS name_a, y.name_core AS name_b
FROM (SELECT rid, source, phone, name_core, pinyin, count(*) OVER (PARTITION BY phone) AS group_size FROM match_keys WHERE phone <> '') x
JOIN match_keys y ON y.phone = x.phone AND y.rid > x.rid
WHERE x.group_size <= ${MAX_GROUP} AND x.source <> y.source AND x.name_core <> '' AND y.name_core <> ''
  AND ((x.pinyin <> '' AND x.pinyin = y.pinyin) OR x.name_core = y.name_core
    OR 1 - CAST(${dialect.editDistance('x.name_core', 'y.name_core')} AS DOUBLE) / CAST(greatest(length(x.name_core), length(y.name_core)) AS DOUBLE) >= ${double(PHONE_NAME_SIMILARITY)})`,
    },
    {
      // order_1..3 order a record's edges of one kind as the JavaScript engine applies them (see firstEdges).
      name: 'mx_evidence',
      body: `SELECT first_rid AS a, rid AS b, ${text('same-code')} AS kind, ${rank('same-code')} AS rank, CAST(rid AS DOUBLE) AS order_1, first_rid AS order_2, 0 AS order_3, CAST(1 AS DOUBLE) AS score, ${text('same code in another org')} AS detail
FROM (SELECT rid, min(rid) OVER (PARTITION BY source, code) AS first_rid FROM match_keys WHERE trim(code) <> '') same_code
WHERE rid <> first_rid
UNION ALL
SELECT x.rid, y.rid, ${text('uscc')}, ${rank('uscc')}, CAST(y.rid AS DOUBLE), x.rid, 0, CAST(1 AS DOUBLE), 'uscc=' || x.uscc
FROM (SELECT rid, source, uscc, count(*) OVER (PARTITION BY uscc) AS group_size FROM match_keys WHERE uscc <> '') x
JOIN match_keys y ON y.uscc = x.uscc AND y.rid > x.rid
WHERE x.group_size <= ${MAX_GROUP} AND x.source <> y.source
UNION ALL
SELECT x.rid, y.rid, ${text('org-code')}, ${rank('org-code')}, CAST(y.rid AS DOUBLE), x.rid, 0, CAST(1 AS DOUBLE), 'org-code=' || x.org_code || ' (' || x.tax_form || ' / ' || y.tax_form || ')'
FROM (SELECT rid, source, org_code, tax_form, count(*) OVER (PARTITION BY org_code) AS group_size FROM match_keys WHERE org_code <> '') x
JOIN match_keys y ON y.org_code = x.org_code AND y.rid > x.rid
WHERE x.group_size <= ${MAX_GROUP} AND x.source <> y.source AND NOT (x.tax_form = 'uscc' AND y.tax_form = 'uscc')
UNION ALL
SELECT a, b, ${text('phone-name')}, ${rank('phone-name')}, CAST(b AS DOUBLE), a, 0, CAST(1 AS DOUBLE), 'phone=' || phone || '; names ' || name_a || ' / ' || name_b
FROM mx_phone_similar`,
    },
    {
      // The reviewer's decisions on records of this run, as (lower rid, higher rid); a (source, code, org) held by
      // several records (a code repeated in one org) names the last of them, as in the JavaScript engine.
      name: 'mx_decided',
      body: `SELECT least(x.rid, y.rid) AS a, greatest(x.rid, y.rid) AS b, d.decision, d.seq
FROM mx_decisions d
JOIN (SELECT source, code, org, max(rid) AS rid FROM match_keys GROUP BY source, code, org) x ON x.source = d.a_source AND x.code = d.a_code AND x.org = d.a_org
JOIN (SELECT source, code, org, max(rid) AS rid FROM match_keys GROUP BY source, code, org) y ON y.source = d.b_source AND y.code = d.b_code AND y.org = d.b_org`,
    },
  ];
  return stages.map((stage) => ({ ...stage, dialectSpecific: stage.dialectSpecific ?? false }));
}

/** A CASE over a level column giving, per level, `values(level)`; `otherwise` for the null level (-1). */
function perLevel(field: (typeof COMPARED_FIELDS)[number], valueOf: (level: number) => string, otherwise: string): string {
  return `CASE ${level(field)} ${LEVELS[field].map((_, index) => `WHEN ${index} THEN ${valueOf(index)}`).join(' ')} ELSE ${otherwise} END`;
}

/**
 * Scoring (the weights written into the SQL as the JavaScript model computed them: log2(m/u) clipped), the
 * threshold and review band, the edges in the JavaScript engine's order, and the first round of labels.
 */
export function scoringStages(parameters: ScoringParameters): PipelineStage[] {
  const { weights, threshold } = parameters;
  const prior = Math.log2(weights.lambda / (1 - weights.lambda));
  // Left to right, as matchPosterior adds: the same double at every step.
  const total = COMPARED_FIELDS.reduce((sum, field) => `(${sum} + ${perLevel(field, (index) => double(fieldWeight(weights, field, index)), double(0))})`, double(prior));
  // describeLevels' words per field and level: "name=close(+5.1)".
  const words = (field: (typeof COMPARED_FIELDS)[number], levelOf: number) => {
    const position = COMPARED_FIELDS.indexOf(field);
    const vector = COMPARED_FIELDS.map((_, index) => (index === position ? levelOf : -1));
    return describeLevels(vector, weights).split(' ')[position]!;
  };
  const detail = COMPARED_FIELDS.map((field) => perLevel(field, (index) => text(words(field, index)), text(words(field, -1)))).join(" || ' ' || ");
  const stages: Array<Omit<PipelineStage, 'dialectSpecific'>> = [
    {
      name: 'mx_scores',
      body: `SELECT a, b, ${LEVEL_COLUMNS}, 1 / (1 + power(2, -${total})) AS probability,
  ${detail} AS detail
FROM mx_levels`,
    },
    {
      // A rejected pair's own links are dropped (the JavaScript engine also refuses indirect ones: see the README).
      name: 'mx_edges',
      body: `SELECT e.a, e.b, e.kind, e.rank, e.order_1, e.order_2, e.order_3, e.score, e.detail
FROM (
  SELECT a, b, ${text('confirmed')} AS kind, ${rank('confirmed')} AS rank, CAST(seq AS DOUBLE) AS order_1, a AS order_2, b AS order_3, CAST(1 AS DOUBLE) AS score, ${text('confirmed by a reviewer')} AS detail
  FROM mx_decided WHERE decision = 'confirm'
  UNION ALL
  SELECT a, b, kind, rank, order_1, order_2, order_3, score, detail FROM mx_evidence
  UNION ALL
  SELECT a, b, ${text('score')}, ${rank('score')}, -probability, a, b, probability, detail FROM mx_scores WHERE probability >= ${double(threshold)}
) e
WHERE NOT EXISTS (SELECT 1 FROM mx_decided r WHERE r.decision = 'reject' AND r.a = least(e.a, e.b) AND r.b = greatest(e.a, e.b))`,
    },
    { name: 'mx_adjacent', body: 'SELECT a AS rid, b AS neighbour FROM mx_edges UNION ALL SELECT b AS rid, a AS neighbour FROM mx_edges' },
    { name: LABELS, body: 'SELECT rid, rid AS label FROM match_keys' },
  ];
  return stages.map((stage) => ({ ...stage, dialectSpecific: false }));
}

/** One round of min-label propagation: each record takes the smallest label among itself and its neighbours. */
export const LABEL_ROUND: PipelineStage = {
  name: NEXT_LABELS,
  body: `SELECT l.rid, least(min(l.label), coalesce(min(n.label), min(l.label))) AS label
FROM ${LABELS} l LEFT JOIN mx_adjacent e ON e.rid = l.rid LEFT JOIN ${LABELS} n ON n.rid = e.neighbour
GROUP BY l.rid`,
  dialectSpecific: false,
};

const G_NUMBER = "regexp_extract(global_id, '^G([0-9]+)$', 1)";

/**
 * After the labels settle: global ids (assignGlobalIds: a cluster keeps the earlier id most of its records
 * carried, the smallest when several; new ids continue after the largest earlier one, in the order of the
 * clusters' smallest rid), each record's first edge (the one that brought it into its cluster), links and the
 * review band.
 */
export function resultStages(parameters: ScoringParameters): PipelineStage[] {
  const { threshold, reviewFrom } = parameters;
  const stages: Array<Omit<PipelineStage, 'dialectSpecific'>> = [
    {
      name: 'mx_previous_held',
      body: `SELECT label, global_id, held, row_number() OVER (PARTITION BY label ORDER BY id_kind, id_number, global_id) AS id_rank
FROM (
  SELECT label, global_id, held, CASE WHEN ${G_NUMBER} <> '' THEN 0 ELSE 1 END AS id_kind,
    CASE WHEN ${G_NUMBER} <> '' THEN CAST(${G_NUMBER} AS DOUBLE) END AS id_number,
    row_number() OVER (PARTITION BY global_id ORDER BY held DESC, label) AS owner_rank
  FROM (
    SELECT l.label, p.global_id, count(*) AS held
    FROM ${LABELS} l JOIN match_keys k ON k.rid = l.rid JOIN (
      -- A record named twice in the earlier links keeps the later id, as a map from record to id does.
      SELECT source, code, org, global_id FROM (SELECT source, code, org, global_id, row_number() OVER (PARTITION BY source, code, org ORDER BY seq DESC) AS link_rank FROM mx_previous) numbered WHERE link_rank = 1
    ) p ON p.source = k.source AND p.code = k.code AND p.org = k.org
    GROUP BY l.label, p.global_id
  ) held_ids
) owners
WHERE owner_rank = 1`,
    },
    {
      name: 'mx_cluster_ids',
      body: `SELECT c.label, coalesce(o.global_id, CASE WHEN length(n.id_text) >= 8 THEN 'G' || n.id_text ELSE 'G' || lpad(n.id_text, 8, '0') END) AS global_id
FROM (SELECT DISTINCT label FROM ${LABELS}) c
LEFT JOIN (SELECT label, global_id FROM mx_previous_held WHERE id_rank = 1) o ON o.label = c.label
LEFT JOIN (
  SELECT c2.label, CAST((SELECT coalesce(max(CAST(${G_NUMBER} AS BIGINT)), 0) FROM mx_previous WHERE ${G_NUMBER} <> '') + row_number() OVER (ORDER BY c2.label) AS STRING) AS id_text
  FROM (SELECT DISTINCT label FROM ${LABELS}) c2 LEFT JOIN (SELECT DISTINCT label FROM mx_previous_held) h ON h.label = c2.label
  WHERE h.label IS NULL
) n ON n.label = c.label`,
    },
    {
      // A record's first edge in the engine's order (evidence kind, then within a kind by order_1..3) is the one
      // that joined it: no earlier edge touched it, so it was still alone.
      name: 'mx_first_edges',
      body: `SELECT rid, a, b, kind, score, detail
FROM (
  SELECT rid, a, b, kind, score, detail, row_number() OVER (PARTITION BY rid ORDER BY rank, order_1, order_2, order_3) AS edge_rank
  FROM (
    SELECT a AS rid, a, b, kind, rank, order_1, order_2, order_3, score, detail FROM mx_edges
    UNION ALL
    SELECT b AS rid, a, b, kind, rank, order_1, order_2, order_3, score, detail FROM mx_edges
  ) touching
) ranked
WHERE edge_rank = 1`,
    },
    {
      name: 'mx_links',
      body: `SELECT g.global_id, k.source, k.code, k.org, k.name, f.score, f.kind AS evidence, coalesce(f.detail, '') AS detail,
  coalesce(${recordLabel('o')}, '') AS linked_to, k.rid, l.label
FROM match_keys k
JOIN ${LABELS} l ON l.rid = k.rid
JOIN mx_cluster_ids g ON g.label = l.label
LEFT JOIN mx_first_edges f ON f.rid = k.rid
LEFT JOIN match_keys o ON o.rid = CASE WHEN f.a = k.rid THEN f.b ELSE f.a END`,
    },
    {
      // The band's pairs with one side's label; the other side is joined in the next stage, so that no engine can
      // join the two label lookups on their inequality first (a cross product).
      name: 'mx_review_band',
      body: `SELECT s.a, s.b, s.probability, s.detail, la.label AS label_a
FROM mx_scores s JOIN ${LABELS} la ON la.rid = s.a
WHERE s.probability >= ${double(reviewFrom)} AND s.probability < ${double(threshold)}`,
    },
    {
      name: 'mx_review',
      body: `SELECT s.a, s.b, s.probability, s.detail
FROM mx_review_band s JOIN ${LABELS} lb ON lb.rid = s.b
WHERE s.label_a <> lb.label AND NOT EXISTS (SELECT 1 FROM mx_decided d WHERE d.a = s.a AND d.b = s.b)`,
    },
  ];
  return stages.map((stage) => ({ ...stage, dialectSpecific: false }));
}

/** The statement that materialises a stage in a dialect. */
export const stageStatement = (dialect: MatchSqlDialect, stage: PipelineStage): string => `${DIALECTS[dialect].materialise(stage.name, stage.body)};\n`;
