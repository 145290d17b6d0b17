/** One DDIC field as RFC_READ_TABLE describes it: ABAP internal type and output length in characters. */
export interface DdicField {
  name: string;
  /** ABAP internal type: C (CHAR/CLNT/LANG/CUKY), D (DATS), T (TIMS), N (NUMC). */
  type: 'C' | 'D' | 'T' | 'N';
  length: number;
  text: string;
}

export interface DdicTable {
  name: string;
  /** 'structure' objects exist in the dictionary but hold no data (RFC_READ_TABLE raises TABLE_WITHOUT_DATA). */
  kind: 'table' | 'structure';
  fields: DdicField[];
}

const field = (name: string, type: DdicField['type'], length: number, text: string): DdicField => ({ name, type, length, text });
const char = (name: string, length: number, text: string) => field(name, 'C', length, text);

// Lengths from the DDIC (erp-schemas.md §2.2/2.3). Enough KNA1 fields that a full-record read exceeds 512 characters.
const KNA1: DdicTable = {
  name: 'KNA1',
  kind: 'table',
  fields: [
    char('MANDT', 3, 'Client'),
    char('KUNNR', 10, 'Customer Number'),
    char('LAND1', 3, 'Country Key'),
    char('NAME1', 35, 'Name 1'),
    char('NAME2', 35, 'Name 2'),
    char('ORT01', 35, 'City'),
    char('PSTLZ', 10, 'Postal Code'),
    char('REGIO', 3, 'Region (State, Province, County)'),
    char('SORTL', 10, 'Sort field'),
    char('STRAS', 35, 'House number and street'),
    char('TELF1', 16, 'First telephone number'),
    char('TELFX', 31, 'Fax Number'),
    char('ADRNR', 10, 'Address'),
    char('MCOD1', 25, 'Search term for matchcode search'),
    char('MCOD2', 25, 'Search term for matchcode search'),
    char('MCOD3', 25, 'Search term for matchcode search'),
    char('ANRED', 15, 'Title'),
    char('AUFSD', 2, 'Central order block for customer'),
    char('BRSCH', 4, 'Industry key'),
    field('ERDAT', 'D', 8, 'Date on which the Record Was Created'),
    char('ERNAM', 12, 'Name of Person who Created the Object'),
    char('FAKSD', 2, 'Central billing block for customer'),
    char('KONZS', 10, 'Group key'),
    char('KTOKD', 4, 'Customer Account Group'),
    char('KUKLA', 2, 'Customer classification'),
    char('LIFSD', 2, 'Central delivery block for the customer'),
    char('LOEVM', 1, 'Central Deletion Flag for Master Record'),
    char('NAME3', 35, 'Name 3'),
    char('NAME4', 35, 'Name 4'),
    char('ORT02', 35, 'District'),
    char('SPERR', 1, 'Central posting block'),
    char('SPRAS', 1, 'Language Key'),
    char('STCD1', 16, 'Tax Number 1'),
    char('STCD2', 11, 'Tax Number 2'),
    char('STCD3', 18, 'Tax Number 3'),
    char('STCD4', 18, 'Tax Number 4'),
    char('STCD5', 60, 'Tax Number 5'),
    char('STCEG', 20, 'VAT Registration Number'),
  ],
};

const KNB1: DdicTable = {
  name: 'KNB1',
  kind: 'table',
  fields: [
    char('MANDT', 3, 'Client'),
    char('KUNNR', 10, 'Customer Number'),
    char('BUKRS', 4, 'Company Code'),
    char('SPERR', 1, 'Posting block for company code'),
    char('LOEVM', 1, 'Deletion Flag for Master Record (Company Code Level)'),
    field('ERDAT', 'D', 8, 'Date on which the Record Was Created'),
    char('ERNAM', 12, 'Name of Person who Created the Object'),
    char('AKONT', 10, 'Reconciliation Account in General Ledger'),
    char('ZTERM', 4, 'Terms of Payment Key'),
  ],
};

const KNVV: DdicTable = {
  name: 'KNVV',
  kind: 'table',
  fields: [
    char('MANDT', 3, 'Client'),
    char('KUNNR', 10, 'Customer Number'),
    char('VKORG', 4, 'Sales Organization'),
    char('VTWEG', 2, 'Distribution Channel'),
    char('SPART', 2, 'Division'),
    char('ERNAM', 12, 'Name of Person who Created the Object'),
    field('ERDAT', 'D', 8, 'Date on which the Record Was Created'),
    char('LOEVM', 1, 'Deletion flag for customer (sales level)'),
    char('AUFSD', 2, 'Customer order block (sales area)'),
    char('LIFSD', 2, 'Customer delivery block (sales area)'),
    char('FAKSD', 2, 'Billing block for customer (sales and distribution)'),
    char('KDGRP', 2, 'Customer group'),
    field('BZIRK', 'C', 6, 'Sales district'),
    char('VKBUR', 4, 'Sales Office'),
    char('WAERS', 5, 'Currency'),
    char('ZTERM', 4, 'Terms of Payment Key'),
  ],
};

// Text tables: region names (T005U, key LAND1 + BLAND = KNA1-REGIO), account group texts (T077X),
// customer classification texts (TKUKT). SPRAS is the one-character internal language key ('1' = Chinese).
const T005U: DdicTable = {
  name: 'T005U',
  kind: 'table',
  fields: [char('MANDT', 3, 'Client'), char('SPRAS', 1, 'Language Key'), char('LAND1', 3, 'Country Key'), char('BLAND', 3, 'Region (State, Province, County)'), char('BEZEI', 20, 'Description')],
};
const T077X: DdicTable = {
  name: 'T077X',
  kind: 'table',
  fields: [char('MANDT', 3, 'Client'), char('SPRAS', 1, 'Language Key'), char('KTOKD', 4, 'Customer Account Group'), char('TXT30', 30, 'Meaning of Account Group')],
};
const TKUKT: DdicTable = {
  name: 'TKUKT',
  kind: 'table',
  fields: [char('MANDT', 3, 'Client'), char('SPRAS', 1, 'Language Key'), char('KUKLA', 2, 'Customer classification'), char('VTEXT', 20, 'Description')],
};

// Change documents (header and items), client field MANDANT. For customers OBJECTCLAS is 'DEBI' and OBJECTID
// the KUNNR in its internal form; UDATE/UTIME are the application server's date and time.
const CDHDR: DdicTable = {
  name: 'CDHDR',
  kind: 'table',
  fields: [
    char('MANDANT', 3, 'Client'),
    char('OBJECTCLAS', 15, 'Object class'),
    char('OBJECTID', 90, 'Object value'),
    char('CHANGENR', 10, 'Document change number'),
    char('USERNAME', 12, 'User name of the person responsible in change document'),
    field('UDATE', 'D', 8, 'Creation date of the change document'),
    field('UTIME', 'T', 6, 'Time changed'),
    char('TCODE', 20, 'Transaction in which a change was made'),
    char('PLANCHNGNR', 12, 'Planned change number'),
    char('ACT_CHNGNO', 10, 'Change number of the document created by this change'),
    char('WAS_PLANND', 1, 'Flag that changes were generated from planned changes'),
    char('CHANGE_IND', 1, 'Application object change type (U, I, E, D)'),
    char('LANGU', 1, 'Language Key'),
    char('VERSION', 3, '3-Byte field'),
  ],
};
const CDPOS: DdicTable = {
  name: 'CDPOS',
  kind: 'table',
  fields: [
    char('MANDANT', 3, 'Client'),
    char('OBJECTCLAS', 15, 'Object class'),
    char('OBJECTID', 90, 'Object value'),
    char('CHANGENR', 10, 'Document change number'),
    char('TABNAME', 30, 'Table Name'),
    char('TABKEY', 70, 'Changed table record key'),
    char('FNAME', 30, 'Field Name'),
    char('CHNGIND', 1, 'Change Type (U, I, S, D)'),
    char('TEXT_CASE', 1, 'Flag: X=Text change'),
    char('UNIT_OLD', 3, 'Change documents, unit referenced'),
    char('UNIT_NEW', 3, 'Change documents, unit referenced'),
    char('CUKY_OLD', 5, 'Change documents, referenced currency'),
    char('CUKY_NEW', 5, 'Change documents, referenced currency'),
    char('VALUE_NEW', 254, 'New contents of changed field'),
    char('VALUE_OLD', 254, 'Old contents of changed field'),
  ],
};

/** A dictionary structure: known to DDIF_FIELDINFO_GET, but not a database table. */
const ADDR1_DATA: DdicTable = {
  name: 'ADDR1_DATA',
  kind: 'structure',
  fields: [char('NAME1', 40, 'Name 1'), char('CITY1', 40, 'City'), char('POST_CODE1', 10, 'City postal code')],
};

export const SAP_DICTIONARY: ReadonlyMap<string, DdicTable> = new Map([KNA1, KNB1, KNVV, T005U, T077X, TKUKT, CDHDR, CDPOS, ADDR1_DATA].map((table) => [table.name, table]));

/** The emulator's tables: rows as field name → value (internal form, e.g. KUNNR '0000001000', ERDAT '20240105'). */
export type SapRow = Record<string, string>;
export interface SapTables {
  KNA1: SapRow[];
  KNB1: SapRow[];
  KNVV: SapRow[];
  /** Region names; optional so older data files still load. */
  T005U?: SapRow[];
  /** Account group texts. */
  T077X?: SapRow[];
  /** Customer classification texts. */
  TKUKT?: SapRow[];
  /** Change document headers (object class DEBI for customers). */
  CDHDR?: SapRow[];
  /** Change document items: one per changed field. */
  CDPOS?: SapRow[];
}
