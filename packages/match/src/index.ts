// Cross-ERP customer matching: links, golden records, the review list and the HTML report
export { match } from './match.js';
export {
  GOLDEN_FIELDS,
  type EvidenceKind, type GoldenField, type GoldenRecord, type GoldenValue, type MatchCluster, type MatchDecision, type MatchedRecordView,
  type MatchLink, type MatchOptions, type MatchResult, type MatchSourceInput, type MatchSummary, type PreviousLink, type RecordRef, type ReviewPair,
} from './match-types.js';
export { COMPARED_FIELDS, LEVELS, type ComparedField } from './comparison-levels.js';
export { estimateWeights, type FieldWeights, type PatternCount } from './fellegi-sunter.js';
export { taxKeysOf, type TaxKeys } from './tax-keys.js';
export { linksCsv, goldenCsv, reviewCsv, parseMatchDecisions, parsePreviousLinks, LINK_COLUMNS, GOLDEN_COLUMNS, REVIEW_COLUMNS, linksTable, goldenTable, reviewTable, type MatchTable } from './match-files.js';
export { writeMatchXlsx, matchColumnHeader, MATCH_TABLES, type MatchHeaders, type MatchTableName } from './match-xlsx.js';
export { renderMatchHtml, type MatchHtmlOptions } from './html/render-match-html.js';
