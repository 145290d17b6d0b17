import { ConfigError, type Customer } from '@custcode/core';
import { type MatchOptions, type MatchRecord, type PreviousLink, toMatchRecord } from '@custcode/match';
import type { DuckDbConnection } from '../load-duckdb.js';
import type { HubCustomer } from '../hub-types.js';
import type { Hub } from '../open-hub.js';
import { PIPELINE_INPUTS } from './match-pipeline.js';

/** What the SQL engine matches and how: the hub's sources and the options the JavaScript `match` takes. */
export interface HubMatchOptions extends Pick<MatchOptions, 'threshold' | 'reviewFrom' | 'weights' | 'sourcePriority' | 'decisions'> {
  /** Hub sources to match, in this order (records are numbered source by source, then by code, org and occurrence). */
  sources: readonly string[];
  /** Per source, the fields masked for the caller: never evidence, never shown. */
  masked?: Readonly<Record<string, readonly string[]>>;
  /**
   * Per source, the record as the caller may see it, or undefined when it is outside their row filter (a guarded
   * source's `access.view`): the hub holds what its writer could see, and the caller's masks and row filters
   * apply to it here, before any key is computed.
   */
  view?: Readonly<Record<string, (customer: Customer) => Customer | undefined>>;
  /** Global ids of an earlier run; default: the hub's `links` table (what the last `match --hub` wrote). */
  previous?: readonly PreviousLink[];
}

const columnsDdl = (columns: readonly string[], numeric: readonly string[]) => columns.map((column) => `${column} ${numeric.includes(column) ? 'BIGINT' : 'VARCHAR'}`).join(', ');

/** A hub row as the Customer the match model reads (raw left out: matching never reads it). */
export function customerOf(row: HubCustomer): Customer {
  const customer: Customer = { source: row.source, erp: row.erp as Customer['erp'], code: row.code, name: row.name, status: row.status as Customer['status'], raw: {} };
  if (row.org !== null) customer.org = row.org;
  const text = { shortName: row.short_name, taxId: row.tax_id, phone: row.phone, contact: row.contact, address: row.address, category: row.category, region: row.region, createdAt: row.created_at, updatedAt: row.updated_at };
  for (const [field, value] of Object.entries(text)) if (value !== null) (customer as unknown as Record<string, string>)[field] = value;
  return customer;
}

/**
 * Reads the sources' present rows from the hub, computes each record's keys with the JavaScript model
 * (toMatchRecord: name core without legal form, brackets and city, traditional→simplified and pinyin, phone,
 * address and tax keys — normalisation SQL cannot do identically) and writes them, with the decisions and the
 * earlier global ids, to the pipeline's input tables (temporary: the hub file is not changed).
 */
export async function prepareMatchInputs(hub: Hub, options: HubMatchOptions): Promise<MatchRecord[]> {
  const known = new Set((await hub.query<{ source: string }>('SELECT DISTINCT source FROM customers')).map((row) => row.source));
  const missing = options.sources.filter((source) => !known.has(source));
  if (missing.length > 0) throw new ConfigError({ message: `The hub has no rows of ${missing.join(', ')}.`, hint: `Sync them first: custcode sync ${missing.join(' ')} --to ${hub.path}.` });
  const records: MatchRecord[] = [];
  for (const source of options.sources) {
    const masked = new Set<string>(options.masked?.[source] ?? []);
    const view = options.view?.[source];
    for (const row of await hub.customers({ source })) {
      const customer = view === undefined ? customerOf(row) : view(customerOf(row));
      if (customer !== undefined) records.push(toMatchRecord(records.length, source, customer, masked));
    }
  }
  const connection = hub.connection as DuckDbConnection;
  const create = async (table: keyof typeof PIPELINE_INPUTS, numeric: readonly string[]) => {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columnsDdl(PIPELINE_INPUTS[table], numeric)})`);
    return connection.createAppender(table, 'main', 'temp');
  };
  const append = async (table: keyof typeof PIPELINE_INPUTS, numeric: readonly string[], rows: Iterable<ReadonlyArray<string | number>>) => {
    const appender = await create(table, numeric);
    try {
      for (const row of rows) {
        for (const cell of row) {
          if (typeof cell === 'number') appender.appendBigInt(BigInt(cell));
          else appender.appendVarchar(cell);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  };
  await append('match_keys', ['rid'], records.map((record) => [
    record.index, record.source, record.code, record.org, record.customer.name, record.nameCore, record.pinyin, record.tax.uscc, record.tax.orgCode, record.tax.form ?? '',
    record.phone, record.address, record.category, record.region || (record.place ?? ''),
  ]));
  await append('mx_decisions', ['seq'], (options.decisions ?? []).map((decision, seq) => [decision.a.source, decision.a.code, decision.a.org, decision.b.source, decision.b.code, decision.b.org, decision.decision, seq]));
  const previous = options.previous ?? (await hub.query<PreviousLink & { global_id: string }>('SELECT source, code, org, global_id FROM links')).map((row) => ({ source: row.source, code: row.code, org: row.org, globalId: row.global_id }));
  await append('mx_previous', ['seq'], previous.map((link, seq) => [link.source, link.code, link.org, link.globalId, seq]));
  return records;
}
