import type { CustomerField, ErpKind, OrgScope } from '@custcode/core';

/**
 * A column of a mapped table written as `alias.COLUMN` (e.g. `c.cCusCode`), spelled exactly as in the
 * ERP. Identifiers reach SQL only from mappings, never from user input; they are quoted by the dialect.
 */
export type ColumnRef = string;

/** A value computed from columns. */
export type ValueSpec =
  | ColumnRef
  /** The first non-null, non-blank value. */
  | { coalesce: ValueSpec[] }
  /** The non-blank parts joined with `separator` (SAP NAME1 + NAME2, address lines, EBS phone parts). */
  | { concat: ConcatPart[]; separator: string }
  /** `then` where `when` holds, else `else` (EBS: a Chinese address from province down, others from the street up). */
  | { when: Condition; then: ValueSpec; else: ValueSpec };

/**
 * A part of a `concat`: a value, or a column written after `prefix` (`+` before a phone country code) and
 * left out where `unless` holds (a province equal to its city, 北京市 北京市, is written once).
 */
export type ConcatPart = ValueSpec | { column: ColumnRef; prefix?: string; unless?: Condition };

/** A mapped `Customer` field. `matchAlso` lists columns an exact filter also accepts (a class code beside its name). */
export type FieldSpec = ValueSpec | { value: ValueSpec; matchAlso?: ColumnRef[] };

/** A constant condition over mapped columns (status flags, row selection, join filters). */
export type Condition =
  | { column: ColumnRef; equals: string | number }
  /** NULL counts as "not equal". */
  | { column: ColumnRef; notEquals: string | number }
  | { column: ColumnRef; in: Array<string | number> }
  | { column: ColumnRef; isNull: true }
  | { column: ColumnRef; isNotNull: true }
  /** NULL or only spaces (SAP CHAR flags are blank, not NULL). */
  | { column: ColumnRef; isBlank: true }
  | { column: ColumnRef; isNotBlank: true }
  /** Two columns equal (K/3 Cloud FUSEORGID = FCREATEORGID). */
  | { column: ColumnRef; equalsColumn: ColumnRef }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface JoinSpec {
  table: string;
  alias: string;
  kind: 'inner' | 'left';
  /** Column pairs joined with AND: `[['c.cCCCode', 'cc.cCCCode']]`. */
  on: Array<[ColumnRef, ColumnRef]>;
  /** Constant conditions on the joined table, placed in the ON clause (`FLOCALEID = 2052`). */
  where?: Condition;
  /**
   * A left join that matches at most one row (its ON names the joined table's unique key). Such a join adds
   * no rows, so a query that reads none of its columns leaves it out: a projected export of code and name
   * does not look up every customer's class and region.
   */
  toOne?: boolean;
}

/** How the organisation scope is read. */
export type OrgSpec = (
  /** The org is a column of the row (K/3 Cloud FUSEORGID, NC pk_org). */
  | {
      kind: 'column';
      column: ColumnRef;
      scope: Exclude<OrgScope['kind'], 'none'>;
      /** Rows that `get(code)`/`getMany` return when no org is given (K/3 Cloud: the creating org's row). Absent: all rows. Search and count without an org return every org's row. */
      withoutOrg?: Condition;
      withoutOrgDescription: string;
    }
  /**
   * A customer is "in" org X when a related row with that org exists (EBS: an active site in
   * HZ_CUST_ACCT_SITES_ALL with ORG_ID = X). `Customer.org` comes from `value` when no org is asked for.
   */
  | {
      kind: 'exists';
      scope: Exclude<OrgScope['kind'], 'none'>;
      table: string;
      alias: string;
      on: Array<[ColumnRef, ColumnRef]>;
      column: ColumnRef;
      where?: Condition;
      value?: ColumnRef;
      withoutOrgDescription: string;
    }
) & {
  /**
   * The org of every lookup, search and count that names none, as if the caller had (an EBS
   * responsibility's operating unit); an explicit org still wins. Shown as `describe().details.defaultOrg`.
   */
  defaultOrg?: string;
};

/**
 * The declarative description of an ERP's customer table(s). `@custcode/sql` compiles every query
 * shape (page, lookup, count) from it for each dialect; adapters are mostly one of these.
 */
export interface TableMapping {
  erp: ErpKind;
  /** Base table, optionally schema-qualified (`dbo.Customer`, `AR.HZ_CUST_ACCOUNTS`). */
  table: string;
  alias: string;
  joins?: JoinSpec[];
  /** Which rows are customers at all (K/3 WISE: `FItemClassID = 1 AND FDetail = 1`). */
  where?: Condition;
  /** The customer number column (the keyset order and the lookup key). */
  code: ColumnRef;
  /** Stored code form: SAP-style ALPHA padding or as stored. */
  codeForm?: 'as-is' | 'sap-alpha';
  fields: {
    name: FieldSpec;
    shortName?: FieldSpec;
    taxId?: FieldSpec;
    phone?: FieldSpec;
    contact?: FieldSpec;
    address?: FieldSpec;
    category?: FieldSpec;
    region?: FieldSpec;
    createdAt?: ColumnRef;
    updatedAt?: ColumnRef;
  };
  /** A column holding pinyin initials (U8 cCusMnemCode, K/3 WISE FHelpCode): `text` is pushed down to it. */
  mnemonic?: ColumnRef;
  /** Checked in order: deleted, then blocked, else active. */
  status: { deleted?: Condition; blocked?: Condition };
  org?: OrgSpec;
  /**
   * Whole-number columns the ERP declares (ids such as K/3 Cloud FUSEORGID, EBS ORG_ID): a value that is
   * not an integer written as the record shows it (`204`, not `0204`, `204.0` or `Vision`) matches
   * nothing instead of failing on the conversion (PostgreSQL, SQL Server, Oracle) or matching loosely.
   */
  numericColumns?: ColumnRef[];
  /** Columns exposed in `Customer.raw` under their own names. */
  raw: ColumnRef[];
  /**
   * Raw columns that carry a field's value without being read for it (EBS ACCOUNT_NAME beside PARTY_NAME,
   * a mobile beside the phone). Columns a field is read from, and the mnemonic (the name's pinyin initials),
   * need no entry. Masking a field masks all of them (`describe().rawColumns`).
   */
  rawCarries?: Partial<Record<CustomerField, ColumnRef[]>>;
}

/** The org a call is scoped to: the one it names, else the mapping's `defaultOrg`. */
export function scopedOrg(org: OrgSpec | undefined, asked: string | undefined): string | undefined {
  return asked ?? org?.defaultOrg;
}
