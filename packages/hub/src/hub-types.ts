/** The optional text fields, as both customers and golden rows carry them. */
export interface HubTextColumns {
  short_name: string | null;
  tax_id: string | null;
  phone: string | null;
  contact: string | null;
  address: string | null;
  category: string | null;
  region: string | null;
}

/** A `customers` row as the typed helpers return it (JSON-safe values: timestamps as ISO text). */
export interface HubCustomer extends HubTextColumns {
  source: string;
  erp: string;
  code: string;
  org: string | null;
  name: string;
  status: string;
  created_at: string | null;
  updated_at: string | null;
  /** The record's raw ERP fields, as JSON text. */
  raw: string;
  /** 1, or the nth row of the same code in the same org (a duplicated code keeps every row). */
  occurrence: number;
  first_seen: string;
  /** The last sync that saw the row: the latest sync of its source unless the row is deleted (see the README). */
  last_seen: string;
  deleted_at: string | null;
}

/** A `links` row: one record of a global customer (written by `custcode match --hub`). */
export interface LinkRow {
  global_id: string;
  source: string;
  code: string;
  org: string;
  name: string | null;
  score: number | null;
  evidence: string | null;
  detail: string | null;
  linked_to: string | null;
}

/** A `golden` row: the golden record of one global customer; `field_sources` says which record each field came from. */
export interface GoldenRow extends HubTextColumns {
  global_id: string;
  sources: string[];
  members: number;
  merged_ids: string[];
  name: string | null;
  status: string | null;
  field_sources: string;
}
