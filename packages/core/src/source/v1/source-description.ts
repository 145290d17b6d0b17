import type { CustomerField } from '../../customer/customer-schema.js';
import type { ErpKind } from '../../customer/erp-kind.js';
import type { SortField } from './customer-query.js';

/** Raw column names by the Customer field they carry. */
export type RawColumns = Partial<Record<CustomerField, string[]>>;

/** How a source scopes customers by organisation. */
export type OrgScope =
  | { kind: 'none' }
  | {
      kind: 'company-code' | 'sales-area' | 'operating-unit' | 'use-org' | 'org';
      /** What `get(code)` returns when no org is given. */
      withoutOrg: string;
    };

/** What a source can do; `describe()` returns it. */
export interface SourceDescription {
  name: string;
  erp: ErpKind;
  /** How codes are stored: `sap-alpha` pads all-digit codes to 10 characters (SAP ALPHA), `as-is` keeps them. */
  codeForm: 'as-is' | 'sap-alpha';
  /** Fields this source can fill (others are always absent). */
  fields: CustomerField[];
  orgScope: OrgScope;
  /**
   * Where `updatedSince` comes from: a modified column, only a created column, none, or the ERP's change log
   * (`change-documents`: SAP CDHDR/CDPOS; the records carry no `updatedAt`, and `revisions` says which fields changed).
   */
  changeTracking: 'modified-column' | 'created-column' | 'change-documents' | 'none';
  /** How `text` matches pinyin initials: pushed down (a mnemonic column, or the backend evaluates it), computed by the core while scanning, or not at all. */
  pinyinSearch: 'pushdown' | 'scan' | 'none';
  /**
   * With `pinyinSearch: 'scan'`: whether the reader still evaluates `text` as contains on code, name and short
   * name (all but the pinyin initials). A relevance search then pushes `text` wherever pinyin cannot decide the
   * tier, instead of reading every row.
   */
  textContains?: boolean;
  /** Search filters this source cannot evaluate; using one raises UnsupportedQueryError. */
  unsupportedFilters: string[];
  /**
   * Fields `search({ sort })` can order the whole result by, pushed to the backend (absent or empty: this
   * source cannot sort; a sort then raises UnsupportedQueryError). Sorting by `relevance` needs no field:
   * every source can (the core ranks, see `textRank`).
   */
  sortFields?: SortField[];
  /** Why `sortFields` is empty, for a user interface to show (the transport cannot order rows). */
  sortUnsupportedReason?: string;
  /** Batch and page limits used for this backend. */
  limits: { lookupBatch: number; page: number };
  /** Whether a broken stream can continue from its cursor. */
  resumable: boolean;
  readOnly: true;
  /**
   * What the source found while reading that changes what it reports (e.g. SAP text tables the user may not
   * read, so codes stand in for names); absent when there is nothing to say. Commands print these on stderr.
   */
  warnings?: string[];
  /**
   * Keys of `Customer.raw` by the field whose value they carry, whole or in part, derived ones included
   * (a mnemonic column holds the name's pinyin initials; ACCOUNT_NAME is another name). Masking a field
   * masks these columns too. Absent: nothing declared (masking then finds raw values only by matching).
   */
  rawColumns?: RawColumns;
  /** Free-form facts about the backend (dialect, table, function module...). */
  details: Record<string, string | number | boolean>;
}
