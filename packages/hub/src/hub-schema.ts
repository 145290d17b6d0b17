import { CUSTOMER_TEXT_FIELDS, type Customer, type CustomerTextField } from '@custcode/core';

/** Customer text fields and their hub column names (snake case, as Spark and SQL users expect). */
export const TEXT_COLUMNS: Record<CustomerTextField, string> = {
  shortName: 'short_name',
  taxId: 'tax_id',
  phone: 'phone',
  contact: 'contact',
  address: 'address',
  category: 'category',
  region: 'region',
};

/** The record columns, in table order: what a sync reads from a source and compares. */
export const RECORD_COLUMNS = ['source', 'erp', 'code', 'org', 'name', ...CUSTOMER_TEXT_FIELDS.map((field) => TEXT_COLUMNS[field]), 'status', 'created_at', 'updated_at', 'raw'] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** A customer as the staging row's cells, in RECORD_COLUMNS order (null for an absent field). */
export function recordCells(customer: Customer, source: string): (string | null)[] {
  return [
    source,
    customer.erp,
    customer.code,
    customer.org ?? null,
    customer.name,
    ...CUSTOMER_TEXT_FIELDS.map((field) => customer[field] ?? null),
    customer.status,
    customer.createdAt ?? null,
    customer.updatedAt ?? null,
    JSON.stringify(customer.raw),
  ];
}

const recordDdl = RECORD_COLUMNS.map((column) => `${column} ${column === 'raw' ? 'JSON' : 'VARCHAR'}`).join(', ');

/**
 * The hub's tables. `customers` keeps one row per (source, code, org, occurrence), deleted ones with deleted_at.
 * `occurrence` is 1 for a code held once in an org; a source that holds the same code twice in one org (the
 * duplicates an audit reports) keeps both rows, numbered in the order the source returns them.
 * `last_seen` is the last sync that wrote the row (inserted, changed, deleted, back again): an unchanged row is not
 * rewritten, so a row not deleted was also seen by its source's latest sync (`sync_state.synced_at`), which
 * CUSTOMER_LAST_SEEN applies.
 */
export const HUB_DDL = [
  `CREATE TABLE IF NOT EXISTS customers (${recordDdl}, occurrence INTEGER NOT NULL, first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL, deleted_at TIMESTAMP)`,
  // Rows of a sync under way, with their read order; a crash leaves them behind and the next sync of that source discards them.
  `CREATE TABLE IF NOT EXISTS customers_stage (${recordDdl}, seq BIGINT NOT NULL)`,
  // rows: present (not deleted) after the sync; source_rows: rows the source held (what an incremental sync checks
  // the source's count against); changed_at: the last sync that changed a row (a Parquet partition older than it is rewritten).
  'CREATE TABLE IF NOT EXISTS sync_state (source VARCHAR PRIMARY KEY, synced_at TIMESTAMP NOT NULL, watermark VARCHAR, mode VARCHAR NOT NULL, rows BIGINT NOT NULL, source_rows BIGINT, changed_at TIMESTAMP)',
  // Hubs written before these columns: their next sync of a source is a snapshot (source_rows unknown).
  'ALTER TABLE sync_state ADD COLUMN IF NOT EXISTS source_rows BIGINT',
  'ALTER TABLE sync_state ADD COLUMN IF NOT EXISTS changed_at TIMESTAMP',
  // The Parquet partition folder written for each source (DuckDB's hive escaping of the name), and the sync it holds.
  'CREATE TABLE IF NOT EXISTS parquet_state (source VARCHAR PRIMARY KEY, written_at TIMESTAMP NOT NULL, folder VARCHAR NOT NULL)',
  'CREATE TABLE IF NOT EXISTS links (global_id VARCHAR NOT NULL, source VARCHAR NOT NULL, code VARCHAR NOT NULL, org VARCHAR NOT NULL, name VARCHAR, score DOUBLE, evidence VARCHAR, detail VARCHAR, linked_to VARCHAR)',
  'CREATE TABLE IF NOT EXISTS golden (global_id VARCHAR NOT NULL, sources VARCHAR[] NOT NULL, members INTEGER NOT NULL, merged_ids VARCHAR[] NOT NULL, name VARCHAR, short_name VARCHAR, tax_id VARCHAR, phone VARCHAR, contact VARCHAR, address VARCHAR, category VARCHAR, region VARCHAR, status VARCHAR, field_sources JSON)',
] as const;

/** The same record in hub and stage (org may be absent on both sides). */
export const SAME_RECORD = 'c.source = s.source AND c.code = s.code AND c.org IS NOT DISTINCT FROM s.org AND c.occurrence = s.occurrence';

/**
 * One source's staged rows with their occurrence (the nth row of the same code and org in read order); `$1` is the
 * source. The window runs over the keys alone and is joined back by seq: a window carrying every column (raw JSON
 * included) of 1M rows does not fit DuckDB's memory limit.
 */
export const STAGED_ROWS =
  '(SELECT st.* EXCLUDE (seq), o.occurrence FROM customers_stage st JOIN (SELECT seq, row_number() OVER (PARTITION BY code, org ORDER BY seq)::INTEGER AS occurrence FROM customers_stage WHERE source = $1) o ON o.seq = st.seq WHERE st.source = $1) s';

/** A customers row's last_seen as a reader means it: a row not deleted was seen by its source's latest sync. */
export const CUSTOMER_LAST_SEEN = 'CASE WHEN c.deleted_at IS NULL THEN greatest(c.last_seen, st.synced_at) ELSE c.last_seen END';
