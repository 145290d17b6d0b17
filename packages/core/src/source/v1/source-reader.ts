import type { Customer } from '../../customer/customer-schema.js';
import type { ErpKind } from '../../customer/erp-kind.js';
import type { CustomerFilter, QueryField, ReaderSortKey, TextField } from './customer-query.js';

/**
 * A hint of a relevance search's pass: only rows of this rank tier of `text` are wanted (2: name or short name
 * starts with it, 3: a word inside one does, see `textRank` and `WORD_BREAKS`). A reader may narrow its rows to
 * a superset of them; the core keeps only the tier's rows either way, so ignoring the hint stays correct.
 */
export interface RankTierHint {
  text: string;
  tier: 2 | 3;
  fields: readonly TextField[];
}
import type { CustomerRevision } from './customer-source.js';
import type { SourceDescription } from './source-description.js';

/** Position in a code-ordered stream: the last row returned. */
export interface Cursor {
  code: string;
  org?: string;
  /**
   * How many rows with exactly this key (code and org) were handed on already. A reader whose rows can
   * share a key (memory and file sources: several empty codes) skips only that many of them; a reader
   * whose keys are unique may skip the whole key, as it does without `seen`.
   */
  seen?: number;
  /**
   * A sorted search: the last row's values of the sort keys, in the order of `sort` (`null`: absent or
   * blank). Rows then follow in (values, code, org) order and resume strictly after these values and key.
   */
  values?: (string | null)[];
  /** A relevance search: the rank tier of the last row (0 exact code … 4 contains, see `textRank`). */
  tier?: number;
}

/**
 * What an adapter implements. It is smaller than `CustomerSource`: `createCustomerSource` builds code
 * normalisation, batching, cursors, in-memory fallbacks and validation on top of it, once.
 * Codes passed to a reader are already in the backend's stored form (see `codeForm`).
 */
export interface SourceReader {
  readonly name: string;
  readonly erp: ErpKind;
  /** How codes are stored: `sap-alpha` pads all-digit codes to 10 characters. */
  readonly codeForm: 'as-is' | 'sap-alpha';
  describe(): Omit<SourceDescription, 'name' | 'erp' | 'readOnly' | 'codeForm'>;
  /**
   * Up to `limit` rows matching `filter`, ordered by (stored code, org), strictly after `after`.
   * With `sort` (only fields `describe().sortFields` lists): ordered by those keys, absent or blank values
   * last in either direction, then by (stored code, org) — descending when `code` is a descending key —
   * and strictly after `after` in that order (`after.values` holds the sort values of its row).
   * The filter never contains what `describe().unsupportedFilters` lists, nor `text` when
   * `pinyinSearch` is `scan` (the core evaluates text itself then).
   * `fields` (a projected search): the fields the core needs, identity included; a reader should read only
   * the columns they take (no `raw` unless listed). Fields it fills beyond them are dropped by the core,
   * so a reader that ignores `fields` stays correct, only slower.
   */
  page(request: { filter: CustomerFilter; after?: Cursor; limit: number; fields?: readonly QueryField[]; sort?: readonly ReaderSortKey[]; rankTier?: RankTierHint }): Promise<Customer[]>;
  /**
   * Optional: what `page` returns, without its row limit (or up to `limit`), read by one long statement
   * and handed over in pages of about `limits.page` rows — no round trip per page. Stopping early must
   * release the statement. A lost connection fails the scan; the core then scans again after the last
   * row it handed on, as it would continue paging. `undefined` when the source cannot stream right now
   * (every connection it may hold for streams is busy): the core then reads pages. The core iterates a
   * returned scan at once, so a reader may reserve its connection when `scan` is called.
   */
  scan?(request: { filter: CustomerFilter; after?: Cursor; limit?: number; fields?: readonly QueryField[]; sort?: readonly ReaderSortKey[]; rankTier?: RankTierHint }): AsyncIterable<Customer[]> | undefined;
  /**
   * Optional: `true` when the records of a projected `page` or `scan` carry exactly the fields asked
   * (absent values left out), their keys in the order of `fields`. The core then hands them on as they are
   * instead of copying each one down to the asked fields.
   */
  readonly projectsExactly?: boolean;
  /** Rows whose stored code is one of `codes` (at most `limits.lookupBatch` of them, no duplicates). */
  lookup(codes: string[], options: { org?: string }): Promise<Customer[]>;
  count(filter: CustomerFilter): Promise<number>;
  /** Optional (`changeTracking: 'change-documents'`): `CustomerSource.revisions` for stored codes (at most `limits.lookupBatch`, no duplicates). */
  revisions?(codes: string[], options: { since: string; org?: string }): Promise<CustomerRevision[]>;
  close(): Promise<void>;
}

/** @deprecated Renamed SourceReader. */
export type SourceDriver = SourceReader;
