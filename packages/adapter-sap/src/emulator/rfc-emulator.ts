import { abapException, functionNotFound, rfcNoAuthority } from './abap-exception.js';
import { conditionFields, evaluateWhere, parseWhere, WhereSyntaxError } from './abap-where.js';
import { SAP_DICTIONARY, type DdicField, type SapRow, type SapTables } from './ddic.js';
import { KeyIndex } from './key-index.js';
import { FUNCTION_GROUPS } from '../rfc/function-groups.js';
import { type SapUserAuthorizations, userChecks } from './user-authorizations.js';

export interface RfcEmulatorOptions {
  /** Names under which the read-table module answers (default RFC_READ_TABLE, BBP_RFC_READ_TABLE, /BODS/RFC_READ_TABLE2). */
  functionModules?: string[];
  /** VIEW_AUTHORITY_CHECK stand-in: return false to raise NOT_AUTHORIZED for that table. Default: everything allowed. */
  authorize?: (table: string) => boolean;
  /** The user this client is logged on as (default `RFC_USER`); `authorizations` says what it may do. */
  user?: string;
  /** Per user: tables it may display (S_TABU_NAM) and function groups/modules it may call (S_RFC). Absent: all allowed. */
  authorizations?: Record<string, SapUserAuthorizations>;
  /** Seed of the deterministic shuffle; rows come back in a different order on every call, like a SELECT without ORDER BY. */
  seed?: number;
  /** 'shuffled' (default) or 'stored' (the order rows were given in). */
  order?: 'shuffled' | 'stored';
  /** Client (MANDT) written into the output. Default '100'. */
  client?: string;
}

export interface RfcCallRecord {
  functionModule: string;
  table: string;
  fields: string[];
  options: string[];
  rowCount: number;
  rowSkips: number;
  noData: boolean;
  /** Rows returned, or the exception key raised. */
  outcome: number | string;
}

/** An in-memory stand-in for an SAP system that answers RFC_READ_TABLE like the standard module does. */
export interface RfcEmulator {
  call(functionModule: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Calls answered so far (including those that raised an exception). */
  readonly callCount: number;
  /** One record per call, oldest first. */
  readonly calls: readonly RfcCallRecord[];
  resetCalls(): void;
  close(): Promise<void>;
}

const LINE_WIDTH = 512;
const OPTION_LINE_WIDTH = 72;
const numc6 = (value: number) => String(value).padStart(6, '0');

/** A small deterministic PRNG (mulberry32), so the "no particular order" is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const next = random(seed);
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/** The value as the database holds it: CHAR cut to its length, initial DATS/NUMC all zeros. */
function storedValue(row: SapRow, field: DdicField, client: string): string {
  // The client field is MANDT in most tables, MANDANT in the change documents.
  const value = field.name === 'MANDT' || field.name === 'MANDANT' ? (row[field.name] ?? client) : (row[field.name] ?? '');
  if (field.type === 'C') return value.slice(0, field.length);
  return value === '' ? '0'.repeat(field.length) : value.slice(0, field.length).padStart(field.length, '0');
}

/** Drops trailing blanks (a loop: the regex / +$/ backtracks over every run of blanks inside the line). */
function trimBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return line.slice(0, end);
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const count = (value: unknown) => {
  const parsed = Number.parseInt(text(value) || '0', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
};

/**
 * `createRfcEmulator(tables)` → a client with node-rfc's `call()`. Exceptions are raised where the standard
 * module raises them: NOT_AUTHORIZED, TABLE_NOT_AVAILABLE, TABLE_WITHOUT_DATA, FIELD_NOT_VALID,
 * DATA_BUFFER_EXCEEDED (only when NO_DATA is blank), OPTION_NOT_VALID; a user without S_RFC for the module
 * gets the runtime error RFC_NO_AUTHORITY before the module runs.
 */
export function createRfcEmulator(tables: Partial<SapTables> | Record<string, SapRow[] | undefined>, options: RfcEmulatorOptions = {}): RfcEmulator {
  const functionModules = new Set(options.functionModules ?? ['RFC_READ_TABLE', 'BBP_RFC_READ_TABLE', '/BODS/RFC_READ_TABLE2']);
  const client = options.client ?? '100';
  const user = options.user ?? 'RFC_USER';
  const checks = userChecks(user, options.authorizations);
  const calls: RfcCallRecord[] = [];
  const indexes = new Map<string, KeyIndex>();
  /** Rows that can satisfy the condition, found through a KUNNR index (the tables are treated as read-only). */
  const candidates = (tableName: string, key: DdicField | undefined, condition: ReturnType<typeof parseWhere>) => {
    const rows = (tables as Record<string, SapRow[] | undefined>)[tableName] ?? [];
    if (!key) return rows;
    let index = indexes.get(tableName);
    if (!index) indexes.set(tableName, (index = new KeyIndex(rows, key.name, (row) => storedValue(row, key, client))));
    const found = index.candidates(condition);
    return options.order === 'stored' ? index.inStoredOrder(found) : found;
  };
  let callCount = 0;

  function readTable(parameters: Record<string, unknown>, record: RfcCallRecord): Record<string, unknown> {
    const tableName = text(parameters.QUERY_TABLE).trim().toUpperCase();
    // VIEW_AUTHORITY_CHECK runs first, before the table is even looked up, and also for NO_DATA calls.
    if ((options.authorize && !options.authorize(tableName)) || !checks.mayDisplay(tableName)) throw abapException('NOT_AUTHORIZED');
    const table = SAP_DICTIONARY.get(tableName);
    if (!table) throw abapException('TABLE_NOT_AVAILABLE');
    if (table.kind === 'structure') throw abapException('TABLE_WITHOUT_DATA');

    const requested = (Array.isArray(parameters.FIELDS) ? parameters.FIELDS : []) as Array<Record<string, unknown>>;
    const names = requested.map((entry) => text(entry.FIELDNAME).trim().toUpperCase());
    const selected = names.length === 0 ? table.fields : names.map((name) => table.fields.find((candidate) => candidate.name === name));
    if (selected.some((entry) => entry === undefined)) throw abapException('FIELD_NOT_VALID');
    const fields = selected as DdicField[];

    const delimiter = text(parameters.DELIMITER).slice(0, 1);
    const noData = text(parameters.NO_DATA).trim() !== '';
    let cursor = 0;
    const layout = fields.map((entry, index) => {
      if (index > 0 && delimiter !== '' && !noData) cursor += 1;
      const offset = cursor;
      cursor += entry.length;
      return { field: entry, offset };
    });
    if (!noData && cursor > LINE_WIDTH) throw abapException('DATA_BUFFER_EXCEEDED');
    const fieldsOut = layout.map(({ field: entry, offset }) => ({
      FIELDNAME: entry.name,
      OFFSET: numc6(offset),
      LENGTH: numc6(entry.length),
      TYPE: entry.type,
      FIELDTEXT: entry.text,
    }));
    const optionLines = ((Array.isArray(parameters.OPTIONS) ? parameters.OPTIONS : []) as Array<Record<string, unknown>>).map((line) => text(line.TEXT));
    if (noData) return { DATA: [], FIELDS: fieldsOut, OPTIONS: optionLines.map((line) => ({ TEXT: line })) };

    if (optionLines.some((line) => line.length > OPTION_LINE_WIDTH)) throw abapException('OPTION_NOT_VALID');
    let condition;
    try {
      condition = parseWhere(optionLines);
    } catch (error) {
      if (error instanceof WhereSyntaxError) throw abapException('OPTION_NOT_VALID');
      throw error;
    }
    const byName = new Map(table.fields.map((entry) => [entry.name, entry]));
    if (conditionFields(condition).some((name) => !byName.has(name))) throw abapException('OPTION_NOT_VALID');

    const rows = candidates(tableName, byName.get('KUNNR'), condition);
    const matching = rows.filter((row) => evaluateWhere(condition, (name) => storedValue(row, byName.get(name)!, client)));
    const ordered = options.order === 'stored' ? matching : shuffle(matching, (options.seed ?? 1) * 7919 + callCount);
    const rowSkips = count(parameters.ROWSKIPS);
    const rowCount = count(parameters.ROWCOUNT);
    // The standard module adds ROWSKIPS to ROWCOUNT and drops the first ROWSKIPS rows it selected.
    const window = rowCount > 0 ? ordered.slice(rowSkips, rowCount + rowSkips) : ordered.slice(rowSkips);
    const data = window.map((row) => {
      let line = '';
      for (const [index, { field: entry }] of layout.entries()) {
        if (index > 0 && delimiter !== '') line += delimiter;
        line += storedValue(row, entry, client).padEnd(entry.length, ' ');
      }
      // node-rfc strips trailing blanks of CHAR values by default (client option `rstrip`).
      return { WA: trimBlanks(line) };
    });
    record.outcome = data.length;
    return { DATA: data, FIELDS: fieldsOut, OPTIONS: optionLines.map((line) => ({ TEXT: line })) };
  }

  return {
    async call(functionModule, parameters) {
      callCount++;
      const record: RfcCallRecord = {
        functionModule,
        table: text(parameters.QUERY_TABLE),
        fields: ((Array.isArray(parameters.FIELDS) ? parameters.FIELDS : []) as Array<Record<string, unknown>>).map((entry) => text(entry.FIELDNAME)),
        options: ((Array.isArray(parameters.OPTIONS) ? parameters.OPTIONS : []) as Array<Record<string, unknown>>).map((line) => text(line.TEXT)),
        rowCount: count(parameters.ROWCOUNT),
        rowSkips: count(parameters.ROWSKIPS),
        noData: text(parameters.NO_DATA).trim() !== '',
        outcome: 0,
      };
      calls.push(record);
      if (!functionModules.has(functionModule)) {
        record.outcome = 'FU_NOT_FOUND';
        throw functionNotFound(functionModule);
      }
      try {
        if (!checks.mayCall(functionModule)) throw rfcNoAuthority(user, functionModule, FUNCTION_GROUPS[functionModule]);
        return readTable(parameters, record);
      } catch (error) {
        record.outcome = (error as { key?: string }).key ?? 'ERROR';
        throw error;
      }
    },
    get callCount() {
      return callCount;
    },
    get calls() {
      return calls;
    },
    resetCalls() {
      callCount = 0;
      calls.length = 0;
    },
    async close() {},
  };
}
