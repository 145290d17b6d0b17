// Helpers for adapter and feature packages: paging, cursors, filter matching, dates, optional imports,
// option parsing and secret redaction. Not part of the contract a source user sees.
export { toIsoDateTime, filterStart, filterEndExclusive, dateInputProblem, DATE_INPUT_FORMAT, MIN_DATE_INPUT_YEAR } from './customer/iso-date.js';
export { MAX_FILTER_TEXT_LENGTH } from './source/v1/customer-query.js';
export { parseStatusList } from './source/parse-status-list.js';
export { CUSTOMER_PAGES, pagedStream, pagesOf, type PagedCustomers } from './source/customer-pages.js';
export { matchesFilter, matchesText, statusList } from './source/match-filter.js';
export { cursorOf, cursorAfter, encodeCursor, decodeCursor, compareCursors } from './source/cursor.js';
export { compareOrdered, searchOrder, sortValue, tieDirection, valueKeys, type OrderQuery, type SearchOrder } from './source/cursor.js';
export { pinyinInitials, isPinyinQuery } from './text/pinyin-initials.js';
export { importOptional, isModuleNotFound, type ImportOptionalOptions } from './internal/import-optional.js';
export { parseOptions, type ParseOptionsContext } from './internal/parse-options.js';
export { redactUrl, redactUrls, redactSecrets, redactStrings, urlSecrets } from './internal/redact.js';
export { parseWholeNumber } from './internal/whole-number.js';
export type { RetryOptions } from './source/retry.js';
export type { MemorySourceOptions } from './source/memory-source.js';
export { filterFields, keptFields, neededFields, projector, readerFields } from './source/projection.js';
export { IDENTITY_FIELDS, QUERY_FIELDS, type IdentityField, type QueryField } from './source/v1/customer-query.js';
// Sort and relevance: the names behind CustomerQuery['sort'] (kept off the main entry, which stays one screen), and what a reader needs.
export { SORT_FIELDS, RELEVANCE, MAX_SORT_KEYS, type SortField, type SortKey, type SortDirection, type ReaderSortKey } from './source/v1/customer-query.js';
export { textRank, RANK_TIERS, WORD_BREAKS, type RankTier } from './source/text-rank.js';
export type { RankTierHint } from './source/v1/source-reader.js';
