// Data-quality audit, its HTML report and fix plan
export { audit, type AuditOptions, type AuditRule } from './audit.js';
export {
  FINDING_KINDS, type AuditInput, type AuditRecord, type AuditReport, type AuditSummary, type FindingKind, type DuplicateFinding,
  type MissingFinding, type GapFinding, type FormatViolationFinding, type GarbledFinding, type GarbleKind, type InvalidTaxIdFinding,
  type NearDuplicateFinding, type NearDuplicateReason, type SerialCoverage,
} from './audit-types.js';
export type { NearDuplicateOptions } from './near-duplicates.js';
export { companyNameKey, type CompanyNameKey } from './company-name.js';
export { renderAuditHtml, type AuditHtmlOptions } from './html/render-audit-html.js';
export { buildFixPlan, fixPlanCsv, type FixAction, type FixPlanOptions, type FixPlanRow } from './fix-plan.js';
export { rowIdOf, createRowIdReader } from './row-id.js';
// HTML building blocks the report package draws with too.
export { escapeHtml } from './html/escape-html.js';
export { barChart, columnChart, type Bar } from './html/svg-charts.js';
export { clipLabel, labelUnits } from './html/chart-label.js';
// Matching building blocks reused by @custcode/match (cross-ERP linkage): one normalisation, one blocking.
export { pinyinKey } from './pinyin-key.js';
export { editSimilarity } from './similarity.js';
export { compactTaxId, taxIdProblems } from './tax-id-check.js';
export { UnionFind } from './union-find.js';
export { MAX_WILDCARD_BLOCK_COMPARISONS, MAX_WILDCARD_POSITIONS, neighbourPairs, oneSubstitutionPairs, sortedIndices } from './fuzzy-candidates.js';
