import { stringify } from 'csv-stringify/sync';
import { ConfigError } from '@custcode/core';
import { cellGuard, type CsvCellOptions, looksLikeJson, parseCsvRecords, parseJsonText, unescapeFormula } from '@custcode/export';
import { GOLDEN_FIELDS, type GoldenRecord, type MatchDecision, type MatchLink, type PreviousLink, type ReviewPair } from './match-types.js';

/** UTF-8 with a BOM (Excel shows Chinese), formulas escaped unless turned off. */
function csv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>, options: CsvCellOptions): string {
  const guard = cellGuard(options);
  return stringify(rows.map((row) => row.map((cell) => (typeof cell === 'string' ? guard(cell) : cell === null ? '' : cell))), { header: true, columns: [...header], bom: true });
}

const round = (score: number | null) => (score === null ? null : Math.round(score * 10000) / 10000);

/** A match output as a table: column ids (the CSV header) and rows of cells. CSV and XLSX are written from it. */
export interface MatchTable {
  columns: readonly string[];
  rows: Array<Array<string | number | null>>;
}

export const LINK_COLUMNS = ['global_id', 'source', 'code', 'org', 'name', 'score', 'evidence', 'linked_to', 'detail'] as const;

export function linksTable(links: readonly MatchLink[]): MatchTable {
  return { columns: LINK_COLUMNS, rows: links.map((link) => [link.globalId, link.source, link.code, link.org, link.name, round(link.score), link.evidence ?? '', link.linkedTo, link.detail]) };
}

export const GOLDEN_COLUMNS = ['global_id', 'sources', 'members', 'merged_ids', ...GOLDEN_FIELDS.flatMap((field) => [field, `${field}_from`])] as const;

export function goldenTable(golden: readonly GoldenRecord[]): MatchTable {
  return {
    columns: GOLDEN_COLUMNS,
    rows: golden.map((record) => [
      record.globalId,
      record.sources.join(' '),
      record.members.length,
      record.mergedIds.join(' '),
      ...GOLDEN_FIELDS.flatMap((field) => [record.fields[field].value, record.fields[field].from]),
    ]),
  };
}

const SIDE_COLUMNS = ['source', 'code', 'org', 'global_id', 'name', 'tax_id', 'phone', 'address', 'region'] as const;
export const REVIEW_COLUMNS = ['decision', 'probability', ...SIDE_COLUMNS.map((column) => `${column}_a`), ...SIDE_COLUMNS.map((column) => `${column}_b`), 'detail'] as const;

export function reviewTable(review: readonly ReviewPair[]): MatchTable {
  const side = (record: ReviewPair['a']) => [record.source, record.code, record.org, record.globalId, record.name, record.taxId, record.phone, record.address, record.region];
  return { columns: REVIEW_COLUMNS, rows: review.map((pair) => ['', round(pair.probability), ...side(pair.a), ...side(pair.b), pair.detail]) };
}

/** One row per record: its global id and the link that brought it into its cluster. Read back by `parsePreviousLinks`. */
export function linksCsv(links: readonly MatchLink[], options: CsvCellOptions = {}): string {
  const table = linksTable(links);
  return csv(table.columns, table.rows, options);
}

/** One row per cluster: each golden field and, in `<field>_from`, the record it came from. */
export function goldenCsv(golden: readonly GoldenRecord[], options: CsvCellOptions = {}): string {
  const table = goldenTable(golden);
  return csv(table.columns, table.rows, options);
}

/**
 * The pairs to decide, side by side, with an empty `decision` column: fill it with confirm or reject and
 * pass the file back as the decisions file.
 */
export function reviewCsv(review: readonly ReviewPair[], options: CsvCellOptions = {}): string {
  const table = reviewTable(review);
  return csv(table.columns, table.rows, options);
}

const text = (value: unknown) => (value === undefined || value === null ? '' : unescapeFormula(String(value)));

/**
 * Reads a decisions file: the review CSV with its `decision` column filled (`confirm` / `reject`; rows left
 * empty are skipped), or any CSV with `source_a,code_a,org_a,source_b,code_b,org_b,decision`, or a JSON array
 * of `{ "a": { "source", "code", "org" }, "b": {…}, "decision" }`. Also accepted: 确认 / 拒绝, yes / no.
 */
export function parseMatchDecisions(input: string): MatchDecision[] {
  const rows: Array<{ a: Record<string, unknown>; b: Record<string, unknown>; decision: unknown; where: string }> = [];
  if (looksLikeJson(input)) {
    const parsed = parseJsonText(input, 'decisions file');
    if (!Array.isArray(parsed)) throw new ConfigError({ message: 'The decisions file must be a JSON array.', hint: 'Write [{ "a": { "source": "u8", "code": "…" }, "b": { … }, "decision": "confirm" }].' });
    parsed.forEach((item: Record<string, unknown>, index) => rows.push({ a: (item?.a ?? {}) as Record<string, unknown>, b: (item?.b ?? {}) as Record<string, unknown>, decision: item?.decision, where: `item ${index + 1}` }));
  } else {
    return decisionsOfRecords(parseCsvRecords(input, 'decisions file', ['source_a', 'code_a', 'source_b', 'code_b', 'decision']), 'line');
  }
  return decisionsOf(rows);
}

/**
 * Decisions from rows of the review table keyed by column id (`source_a`, `code_a`, `org_a`, … `decision`),
 * as read from review.csv or review.xlsx; `where` names a row in errors (`line 2`, `row 2`: the header is row 1).
 */
export function decisionsOfRecords(records: ReadonlyArray<Readonly<Record<string, unknown>>>, where: 'line' | 'row'): MatchDecision[] {
  return decisionsOf(
    records.map((record, index) => ({
      a: { source: record.source_a, code: record.code_a, org: record.org_a },
      b: { source: record.source_b, code: record.code_b, org: record.org_b },
      decision: record.decision,
      where: `${where} ${index + 2}`,
    })),
  );
}

function decisionsOf(rows: ReadonlyArray<{ a: Record<string, unknown>; b: Record<string, unknown>; decision: unknown; where: string }>): MatchDecision[] {
  const decisions: MatchDecision[] = [];
  for (const row of rows) {
    const verb = text(row.decision).trim().toLowerCase();
    if (verb === '') continue;
    const decision = ['confirm', 'yes', '确认', '是'].includes(verb) ? 'confirm' : ['reject', 'no', '拒绝', '否'].includes(verb) ? 'reject' : undefined;
    if (decision === undefined) throw new ConfigError({ message: `Decisions ${row.where}: unknown decision "${text(row.decision)}".`, hint: 'Write confirm or reject (or leave the cell empty to decide later).' });
    const a = { source: text(row.a.source), code: text(row.a.code), org: text(row.a.org) };
    const b = { source: text(row.b.source), code: text(row.b.code), org: text(row.b.org) };
    if (a.source === '' || b.source === '') throw new ConfigError({ message: `Decisions ${row.where}: a record has no source.`, hint: 'Each side names its source and code (org when the source has orgs).' });
    decisions.push({ a, b, decision });
  }
  return decisions;
}

/** Reads the links file of an earlier run (CSV from `linksCsv`, or the JSON array of links): record → global id. */
export function parsePreviousLinks(input: string): PreviousLink[] {
  const rows = looksLikeJson(input) ? (parseJsonText(input, 'links file') as unknown) : parseCsvRecords(input, 'links file', ['global_id', 'source', 'code']);
  if (!Array.isArray(rows)) throw new ConfigError({ message: 'The links file must be a JSON array.', hint: 'Pass the links.csv (or links.json) an earlier match run wrote.' });
  return rows.map((row: Record<string, unknown>, index) => {
    const globalId = text(row.global_id ?? row.globalId);
    if (globalId === '') throw new ConfigError({ message: `Links file row ${index + 1} has no global id.`, hint: 'Pass the links file an earlier match run wrote, unchanged.' });
    return { globalId, source: text(row.source), code: text(row.code), org: text(row.org) };
  });
}
