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
export { linksCsv, goldenCsv, reviewCsv, parseMatchDecisions, decisionsOfRecords, parsePreviousLinks, LINK_COLUMNS, GOLDEN_COLUMNS, REVIEW_COLUMNS, linksTable, goldenTable, reviewTable, type MatchTable } from './match-files.js';
export { writeMatchXlsx, matchColumnHeader, matchColumnOf, MATCH_TABLES, type MatchHeaders, type MatchTableName } from './match-xlsx.js';
export { renderMatchHtml, type MatchHtmlOptions } from './html/render-match-html.js';
// The model the SQL engine of @custcode/hub shares (one definition: keys, blocking rules, levels, weights, ids, golden).
export { toMatchRecord, recordLabel, type MatchRecord } from './match-record.js';
export { ADDRESS_SIMILAR, NAME_CLOSE, NAME_FUZZY } from './comparison-levels.js';
export { MAX_BLOCK_COMPARISONS, MIN_FUZZY_LENGTH, NAME_WINDOW } from './blocking.js';
export { MAX_GROUP, PHONE_NAME_SIMILARITY } from './deterministic-evidence.js';
export { checkWeights, estimateMatchWeights, fieldWeight, initialWeights, randomPairSample, WEIGHT_CAP, type WeightEvidence } from './fellegi-sunter.js';
export { clusterCounts, describeLevels, EVIDENCE_ORDER, viewOf as matchedRecordView } from './match.js';
export { assignGlobalIds } from './global-ids.js';
export { goldenRecord } from './golden-record.js';
export { MAX_WILDCARD_BLOCK_COMPARISONS, MAX_WILDCARD_POSITIONS } from '@custcode/audit';
