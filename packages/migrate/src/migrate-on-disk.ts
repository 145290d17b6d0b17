import { deserialize, serialize } from 'node:v8';
import { audit, rowIdOf } from '@custcode/audit';
import type { Customer } from '@custcode/core';
import { generateNumbers, keepOldCodes, type PassedOverByKey, TARGET_BATCH } from './assign-numbers.js';
import { customerKey, migrationKey } from './migration-key.js';
import {
  classify, customersOf, decidedActions, enter, entryOf, forcedNew, isSource, leftSourceRows, type MigrationInput, type MigrationRun, sameCustomerRow, sortedUnmapped, startRun,
} from './migration-run.js';
import type { MigrationEntry, RowsByOldCode } from './migration-state.js';
import { summarizeMigration } from './migration-summary.js';
import type { CrosswalkRow, MigratedRecord, MigrateOptions, MigrationDecisionInput, MigrationSummary } from './migration-types.js';
import { flagNearDuplicates } from './near-duplicate-review.js';
import { resolveMerges } from './resolve-merges.js';
import { openSpill, type Spill, type SpillDatabase } from './spill-database.js';
import { translateCustomer } from './translations.js';

export interface OnDiskMigrateOptions extends MigrateOptions {
  /** Where the scratch database goes (a folder of its own inside, removed by `close()`); default the OS temp directory. */
  scratchDirectory?: string;
  /** Called as customers are read and as rows are decided (`phase`, rows done so far). */
  onProgress?: (phase: 'read' | 'decide', rows: number) => void;
}

/** `migrate`'s result with its rows on disk: read back (in crosswalk order) each time they are iterated. */
export interface OnDiskMigrationResult {
  rows: Iterable<CrosswalkRow>;
  records: Iterable<MigratedRecord>;
  summary: MigrationSummary;
  /** Removes the scratch database; the rows cannot be read afterwards. */
  close(): void;
}

/** Rows read or written per statement batch. */
const PAGE = 2000;
/** Source rows per INSERT statement (15 parameters each, within SQLite's 32,766). */
const INSERT_ROWS = 64;
/** Shapes (key lists) a run remembers; records of further shapes are written as JSON objects. */
const MAX_SHAPES = 1024;

/**
 * JavaScript compares strings by UTF-16 code unit, SQLite compares TEXT bytewise in UTF-8: the two orders
 * agree unless a string has a character beyond U+FFFF (a surrogate pair). Then the sort goes through
 * big-endian UTF-16 blobs, which order alike.
 */
const SURROGATE = /[\uD800-\uDFFF]/;
const utf16Order = (text: string) => Buffer.from(text, 'utf16le').swap16();

/** What JSON gives back unchanged. */
const isScalar = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));

/** Plain JSON values (what SQL and file sources give) go as JSON text, several times faster to write and read than v8's format. */
function isPlain(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return isScalar(value);
  if (depth > 2 || (Object.getPrototypeOf(value) !== Object.prototype && !Array.isArray(value))) return false;
  for (const key in value) if (!isPlain((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

type Shape = Array<string | readonly [string, string[]]>;
type Packed = string | Buffer;

/**
 * How records and rows are stored. A record of scalars (and objects of scalars one level down, such as
 * `raw`) goes as a JSON array of its values, its keys kept once per shape in memory: about a third less to
 * write and to read than a JSON object. Other plain records go as JSON objects; Dates, Buffers, bigints and
 * undefined fields (drivers give those in `raw`) keep their type through v8's serializer. Key order is kept.
 */
function createCodec() {
  const shapes: Shape[] = [];
  /** Shapes by their number of keys (outer and inner): a record is checked against the few of its counts. */
  const byCount = new Map<number, number[]>();
  const asObject = (value: object): Packed => (isPlain(value) ? JSON.stringify(value) : serialize(value));
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
  function matches(record: Record<string, unknown>, shape: Shape): boolean {
    let at = 0;
    for (const key in record) {
      const expected = shape[at++];
      const item = record[key];
      if (typeof expected === 'string') {
        if (expected !== key || isRecord(item)) return false;
        continue;
      }
      if (expected === undefined || expected[0] !== key || !isRecord(item)) return false;
      let inner = 0;
      for (const innerKey in item) if (expected[1][inner++] !== innerKey) return false;
      if (inner !== expected[1].length) return false;
    }
    return true;
  }
  function pack(record: object): Packed {
    const values: unknown[] = [0];
    let outer = 0;
    let inner = 0;
    for (const key in record) {
      const item = (record as Record<string, unknown>)[key];
      outer += 1;
      if (isRecord(item)) {
        for (const innerKey in item) {
          const value = item[innerKey];
          if (!isScalar(value)) return asObject(record);
          values.push(value);
          inner += 1;
        }
      } else if (isScalar(item)) values.push(item);
      else return asObject(record);
    }
    const count = outer * 0x10000 + inner;
    const candidates = byCount.get(count) ?? [];
    let id = candidates.find((candidate) => matches(record as Record<string, unknown>, shapes[candidate]!));
    if (id === undefined) {
      if (shapes.length >= MAX_SHAPES) return asObject(record);
      id = shapes.length;
      shapes.push(shapeOf(record));
      byCount.set(count, [...candidates, id]);
    }
    values[0] = id;
    return JSON.stringify(values);
  }
  function unpack<T>(stored: Packed): T {
    if (typeof stored !== 'string') return deserialize(stored) as T;
    if (stored.charCodeAt(0) !== 0x5b) return JSON.parse(stored) as T;
    const values = JSON.parse(stored) as unknown[];
    const shape = shapes[values[0] as number]!;
    const record: Record<string, unknown> = {};
    let at = 1;
    for (const key of shape) {
      if (typeof key === 'string') record[key] = values[at++];
      else {
        const inner: Record<string, unknown> = {};
        for (const innerKey of key[1]) inner[innerKey] = values[at++];
        record[key[0]] = inner;
      }
    }
    return record as T;
  }
  return { pack, unpack };
}
type Codec = ReturnType<typeof createCodec>;

function shapeOf(record: object): Shape {
  return Object.keys(record).map((key) => {
    const item = (record as Record<string, unknown>)[key];
    return typeof item === 'object' && item !== null ? ([key, Object.keys(item)] as const) : key;
  });
}

/**
 * The scratch database of one run: the source as read (`input`, one row per record read, the fields the
 * decisions read as columns and the whole record packed), the generation order (`entries`: a view with
 * `ord`), rows of a customer's other orgs (`other`) and the decided rows (`crosswalk`).
 */
interface Layout {
  db: SpillDatabase;
  codec: Codec;
  /** Some rows belong to a customer whose first row is another (`other` exists). */
  others: boolean;
  /** The table whose `code` column `entries` shows, for the index lookups by code need. */
  codeTable: 'input' | 'entry';
}

/** The columns of `entries` the decisions read, after `ord` and one column of the query's own. */
const FIELDS = 'e.key, e.code, e.name, e.status, e.source, e.erp, e.org, e.category, e.region, e.createdAt, e.rowcol, e.rowid, e.fields';
type FieldRow = [ord: number, extra: unknown, key: string, code: string, name: string, status: string, source: string, erp: string, org: string | null, category: string | null, region: string | null, createdAt: string | null, rowcol: string | null, rowid: string | null, fields: Packed | null];

/**
 * What the decisions read of a customer: its identity, status and the fields a rule or value map uses, with
 * only its row id in `raw`. A fraction of the whole record, which the files read at the end.
 */
function decisionFields(customer: Customer, rowId: { column: string; value: string } | null): Customer {
  const { source, erp, code, name, status, org, category, region, createdAt } = customer;
  return {
    source, erp, code, name, status, raw: rowId ? { [rowId.column]: rowId.value } : {},
    ...(org === undefined ? {} : { org }), ...(category === undefined ? {} : { category }), ...(region === undefined ? {} : { region }), ...(createdAt === undefined ? {} : { createdAt }),
  };
}

/** Fields the decisions read go as text columns; a record with other values there (outside the Customer type) goes packed. */
const isText = (value: unknown) => typeof value === 'string';
const isOptionalText = (value: unknown) => value === undefined || typeof value === 'string';
const textFields = (customer: Customer) =>
  isText(customer.code) && isText(customer.name) && isText(customer.status) && isText(customer.source) && isText(customer.erp) &&
  isOptionalText(customer.org) && isOptionalText(customer.category) && isOptionalText(customer.region) && isOptionalText(customer.createdAt);

function decisionCustomer(row: FieldRow, codec: Codec): Customer {
  if (row[14] !== null) return codec.unpack<Customer>(row[14]);
  const customer = { source: row[6], erp: row[7], code: row[3], name: row[4], status: row[5], raw: row[12] === null ? {} : { [row[12]]: row[13] } } as Customer;
  if (row[8] !== null) customer.org = row[8];
  if (row[9] !== null) customer.category = row[9];
  if (row[10] !== null) customer.region = row[10];
  if (row[11] !== null) customer.createdAt = row[11];
  return customer;
}

/**
 * Reads the source into the scratch database and works out the generation order (creation date when asked,
 * old code, then the whole key; the first row read of a key wins). A source that already streams in that
 * order (SQL sources stream by code) is not sorted again: the order of reading is the generation order.
 */
async function load(db: SpillDatabase, input: MigrationInput, options: OnDiskMigrateOptions): Promise<Layout> {
  db.exec(`CREATE TABLE input(id INTEGER PRIMARY KEY, key TEXT NOT NULL, ckey TEXT NOT NULL, code TEXT NOT NULL, name TEXT, status TEXT, source TEXT, erp TEXT, org TEXT, category TEXT, region TEXT, createdAt TEXT, rowcol TEXT, rowid TEXT, fields, customer NOT NULL);
    CREATE TABLE crosswalk(ord INTEGER PRIMARY KEY, row NOT NULL);`);
  // Rows go in statements of INSERT_ROWS rows: one call into SQLite per batch instead of one per row.
  const insertSql = (rows: number) => `INSERT INTO input(key, ckey, code, name, status, source, erp, org, category, region, createdAt, rowcol, rowid, fields, customer) VALUES ${Array.from({ length: rows }, () => `(${'?, '.repeat(14)}?)`).join(', ')}`;
  const insertMany = db.prepare(insertSql(INSERT_ROWS));
  const insertOne = db.prepare(insertSql(1));
  let waiting: unknown[] = [];
  const codec = createCodec();
  const byCreated = options.order === 'created';
  let read = 0;
  // Strictly increasing (old code, key) in reading order: sorted, and no key twice.
  let inOrder = !byCreated;
  let previousCode = '';
  let previousKey = '';
  let orgs = false;
  let surrogates = false;
  db.exec('BEGIN');
  for await (const customer of customersOf(input)) {
    const code = customer.code ?? '';
    const rowId = rowIdOf(customer.raw);
    const rowIdValue = rowId?.value ?? '';
    const key = migrationKey(code, rowIdValue, customer.name, customer.org ?? '');
    if (inOrder && read > 0 && !(previousCode < code || (previousCode === code && previousKey < key))) inOrder = false;
    previousCode = code;
    previousKey = key;
    if ((customer.org ?? '') !== '') orgs = true;
    if (!surrogates && (SURROGATE.test(key) || (customer.createdAt !== undefined && SURROGATE.test(customer.createdAt)))) surrogates = true;
    const ckey = customerKey(code, rowIdValue, customer.name);
    if (textFields(customer)) {
      waiting.push(
        key, ckey, code, customer.name, customer.status, customer.source, customer.erp, customer.org ?? null, customer.category ?? null,
        customer.region ?? null, customer.createdAt ?? null, rowId?.column ?? null, rowId?.value ?? null, null, codec.pack(customer),
      );
    } else {
      const odd = codec.pack(decisionFields(customer, rowId));
      waiting.push(key, ckey, String(code), null, null, null, null, null, null, null, null, null, null, odd, codec.pack(customer));
    }
    if (waiting.length === INSERT_ROWS * 15) {
      insertMany.run(waiting);
      waiting = [];
    }
    read += 1;
    if (read % PAGE === 0) options.onProgress?.('read', read);
  }
  for (let at = 0; at < waiting.length; at += 15) insertOne.run(waiting.slice(at, at + 15));
  options.onProgress?.('read', read);
  const columns = 'key, ckey, name, status, source, erp, org, category, region, createdAt, rowcol, rowid, fields, customer';
  let codeTable: Layout['codeTable'] = 'input';
  if (inOrder) db.exec(`CREATE VIEW entries AS SELECT id AS ord, code, ${columns} FROM input`);
  else {
    const sortKey = (column: string) => (surrogates ? `utf16(${column})` : column);
    if (surrogates) db.function('utf16', { deterministic: true }, (text: unknown) => utf16Order(String(text)));
    codeTable = 'entry';
    // compareForOrder's order; rows read twice (the same key) are entered once, the first read.
    db.exec(`CREATE TABLE entry(ord INTEGER PRIMARY KEY, id INTEGER NOT NULL, code TEXT NOT NULL);
      INSERT INTO entry(id, code) SELECT id, code FROM input WHERE id IN (SELECT MIN(id) FROM input GROUP BY key)
        ORDER BY ${byCreated ? `${sortKey('coalesce(createdAt, char(65535))')}, ` : ''}${sortKey('code')}, ${sortKey('key')};
      CREATE VIEW entries AS SELECT entry.ord AS ord, entry.code AS code, ${columns.split(', ').map((column) => `input.${column} AS ${column}`).join(', ')} FROM entry JOIN input ON input.id = entry.id;`);
  }
  // Without orgs every key is its customer's key: no customer has a second row.
  if (orgs) {
    db.exec(`CREATE TABLE other(ord INTEGER PRIMARY KEY, first INTEGER NOT NULL);
      INSERT INTO other SELECT ord, first FROM (SELECT ord, MIN(ord) OVER (PARTITION BY ckey) AS first FROM entries) WHERE ord <> first;`);
  }
  db.exec('COMMIT');
  return { db, codec, others: orgs, codeTable };
}

/** Pages through a query's rows in `ord` order (its first column; `?` is the last ord read): no statement stays open across an await. */
function* pages(db: SpillDatabase, sql: string): Generator<FieldRow[]> {
  const select = db.prepare(sql).raw(true);
  let after = 0;
  for (;;) {
    const page = select.all(after) as FieldRow[];
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]![0];
  }
}

/** Writes decided rows in one transaction. */
function writer({ db, codec }: Layout): (rows: ReadonlyArray<readonly [number, CrosswalkRow]>) => void {
  const write = db.prepare('INSERT OR REPLACE INTO crosswalk VALUES (?, ?)');
  return db.transaction((rows: ReadonlyArray<readonly [number, CrosswalkRow]>) => {
    for (const [ord, row] of rows) write.run(ord, codec.pack(row));
  });
}

/**
 * Where first rows that need a generated number go. Keeping old codes adds to the codes in use, so numbers
 * are drawn after every keep is decided: the rows are marked and drawn in a second pass. A run that keeps
 * no old code draws them as they come, in the same slices of TARGET_BATCH.
 */
interface Generation {
  add(ord: number, entry: MigrationEntry): void;
  /** Draws what is waiting (`final`: also a last, short slice). */
  drain(final: boolean): Promise<void>;
}

function generation(layout: Layout, run: MigrationRun): Generation {
  const { db } = layout;
  const write = writer(layout);
  const passedOver: PassedOverByKey = new Map();
  if (run.state.options.keep === true || run.forcedKeep.size > 0) {
    db.exec('CREATE TABLE todo(ord INTEGER PRIMARY KEY, notes TEXT)');
    const markTodo = db.prepare('INSERT INTO todo VALUES (?, ?)');
    const marked: Array<readonly [number, MigrationEntry]> = [];
    const mark = db.transaction(() => {
      for (const [ord, entry] of marked.splice(0)) markTodo.run(ord, entry.notes.length > 0 ? JSON.stringify(entry.notes) : null);
    });
    return {
      add: (ord, entry) => void marked.push([ord, entry]),
      async drain(final) {
        mark();
        if (!final) return;
        for (const page of pages(db, `SELECT todo.ord, todo.notes, ${FIELDS} FROM todo JOIN entries e ON e.ord = todo.ord WHERE todo.ord > ? ORDER BY todo.ord LIMIT ${TARGET_BATCH}`)) {
          const entries = page.map((row) => entryOf(run, row[2], decisionCustomer(row, layout.codec), row[1] === null ? [] : (JSON.parse(row[1] as string) as string[])));
          await generateNumbers(run.state, entries, passedOver);
          write(page.map((row, index) => [row[0], entries[index]!.row as CrosswalkRow] as const));
        }
      },
    };
  }
  const waiting: Array<readonly [number, MigrationEntry]> = [];
  const draw = async (slice: Array<readonly [number, MigrationEntry]>) => {
    await generateNumbers(run.state, slice.map(([, entry]) => entry), passedOver);
    write(slice.map(([ord, entry]) => [ord, entry.row as CrosswalkRow] as const));
  };
  return {
    add: (ord, entry) => void waiting.push([ord, entry]),
    async drain(final) {
      while (waiting.length >= TARGET_BATCH) await draw(waiting.splice(0, TARGET_BATCH));
      if (final && waiting.length > 0) await draw(waiting.splice(0));
    },
  };
}

/** First rows merged by a decision (few: the user wrote each), and where their rows go. */
interface Merging {
  decisions: Array<[MigrationEntry, MigrationDecisionInput]>;
  ords: Map<MigrationEntry, number>;
}

/**
 * The first row of every customer: merged (held back until every other number is known), carried over,
 * kept, or numbered from the rule with the notes of why its old code was not kept.
 */
async function decideFirstRows(layout: Layout, run: MigrationRun, options: OnDiskMigrateOptions): Promise<Merging> {
  const merging: Merging = { decisions: [], ords: new Map() };
  const write = writer(layout);
  const generate = generation(layout, run);
  let done = 0;
  const sql = layout.others
    ? `SELECT e.ord, other.first, ${FIELDS} FROM entries e LEFT JOIN other ON other.ord = e.ord WHERE e.ord > ? ORDER BY e.ord LIMIT ${PAGE}`
    : `SELECT e.ord, NULL, ${FIELDS} FROM entries e WHERE e.ord > ? ORDER BY e.ord LIMIT ${PAGE}`;
  for (const page of pages(layout.db, sql)) {
    const decided: Array<readonly [number, CrosswalkRow]> = [];
    const keeping: Array<readonly [number, MigrationEntry]> = [];
    const todo: Array<readonly [number, MigrationEntry]> = [];
    for (const row of page) {
      // Every row counts its unmapped values, in generation order; rows of a customer's other orgs wait for its first.
      const entry = enter(run, row[2], decisionCustomer(row, layout.codec));
      if (row[1] !== null) continue;
      const ord = row[0];
      const kind = classify(run, entry);
      if (kind === 'merge') {
        merging.decisions.push([entry, run.decisions.get(entry.original.code) as MigrationDecisionInput]);
        merging.ords.set(entry, ord);
      } else if (kind === 'carried') decided.push([ord, entry.row as CrosswalkRow]);
      else if (forcedNew(run, entry)) todo.push([ord, entry]);
      else keeping.push([ord, entry]);
    }
    // Keeping old codes page by page decides as one call would: first rows have distinct old codes.
    await keepOldCodes(run.state, keeping.map(([, entry]) => entry), run.forcedKeep);
    for (const item of keeping) (item[1].row ? decided.push([item[0], item[1].row]) : todo.push(item));
    write(decided);
    for (const [ord, entry] of todo.sort(([a], [b]) => a - b)) generate.add(ord, entry);
    await generate.drain(false);
    done += page.length;
    options.onProgress?.('decide', done);
  }
  await generate.drain(true);
  return merging;
}

/**
 * Decided rows by old code for merges and the near-duplicate review: a customer's first row in the source
 * wins over a crosswalk row of a customer that left it. Rows read from disk are kept, so that review flags
 * set on them can be written back.
 */
function rowsOnDisk(layout: Layout, leftSource: readonly CrosswalkRow[]): RowsByOldCode & { writeBack(): void } {
  const leftByCode = new Map<string, CrosswalkRow>();
  for (const row of leftSource) if (row.oldCode !== '') leftByCode.set(row.oldCode, row);
  const firstRowsOnly = layout.others ? 'AND NOT EXISTS (SELECT 1 FROM other WHERE other.ord = e.ord)' : '';
  const select = layout.db.prepare(`SELECT e.ord AS ord, crosswalk.row AS row FROM entries e JOIN crosswalk ON crosswalk.ord = e.ord WHERE e.code = ? ${firstRowsOnly} LIMIT 1`);
  const read = new Map<string, { ord: number; row: CrosswalkRow }>();
  const get = (code: string): CrosswalkRow | undefined => {
    if (code === '') return undefined;
    const known = read.get(code);
    if (known) return known.row;
    const found = select.get(code) as { ord: number; row: Packed } | undefined;
    if (!found) return leftByCode.get(code);
    const row = layout.codec.unpack<CrosswalkRow>(found.row);
    read.set(code, { ord: found.ord, row });
    return row;
  };
  const write = writer(layout);
  return { get, has: (code) => get(code) !== undefined, writeBack: () => write([...read.values()].map(({ ord, row }) => [ord, row] as const)) };
}

/** A customer's rows in its other orgs take the number of its first org's row. */
function decideOtherOrgs(layout: Layout, run: MigrationRun): void {
  if (!layout.others) return;
  const write = writer(layout);
  const firstRow = layout.db.prepare('SELECT row FROM crosswalk WHERE ord = ?').pluck();
  for (const page of pages(layout.db, `SELECT other.ord, other.first, ${FIELDS} FROM other JOIN entries e ON e.ord = other.ord WHERE other.ord > ? ORDER BY other.ord LIMIT ${PAGE}`)) {
    write(page.map((row) => {
      const entry = entryOf(run, row[2], decisionCustomer(row, layout.codec));
      sameCustomerRow(run, entry, layout.codec.unpack<CrosswalkRow>(firstRow.get(row[1]) as Packed));
      return [row[0], entry.row as CrosswalkRow] as const;
    }));
  }
}

/** A sync iterable that runs a fresh query each time it is iterated (rows as arrays of the columns). */
function readBack<T>(db: SpillDatabase, sql: string, map: (row: never) => T, after: readonly T[]): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (const row of db.prepare(sql).raw(true).iterate()) yield map(row as never);
      yield* after;
    },
  };
}

/**
 * `migrate` in bounded memory: the source, the entries and the decided rows live in a scratch SQLite database
 * (better-sqlite3, an optional dependency loaded on first use) instead of arrays, so a million customers need a
 * few hundred MB instead of gigabytes. Decides exactly the rows `migrate` decides, in the same order. Memory
 * still grows with the stored crosswalk of earlier runs, the codes handed out, merge decisions and the
 * near-duplicate review (the audit's own index). Call `close()` when done with the rows.
 */
export async function migrateOnDisk(input: MigrationInput, options: OnDiskMigrateOptions): Promise<OnDiskMigrationResult> {
  const run = startRun(options);
  const spill: Spill = await openSpill(options.scratchDirectory);
  const { db } = spill;
  try {
    const layout = await load(db, input, options);
    const { codec } = layout;
    const merging = await decideFirstRows(layout, run, options);

    const lookups = run.decisions.size > 0 || options.nearDuplicates !== false;
    if (lookups) db.exec(`CREATE INDEX code_lookup ON ${layout.codeTable}(code)`);
    if (run.earlier.size > 0) db.exec('CREATE INDEX key_lookup ON input(key)');
    const present = db.prepare('SELECT 1 FROM input WHERE key = ? LIMIT 1').pluck();
    const leftSource = leftSourceRows(run, (key) => present.get(key) !== undefined);
    const rowsByOldCode = rowsOnDisk(layout, leftSource);
    await resolveMerges(run.state, merging.decisions, rowsByOldCode);
    writer(layout)(merging.decisions.map(([entry]) => [merging.ords.get(entry) as number, entry.row as CrosswalkRow] as const));

    const originals = readBack(db, 'SELECT customer FROM entries ORDER BY ord', ([customer]: [Packed]) => codec.unpack<Customer>(customer), []);
    const report = options.nearDuplicates === false ? undefined : await audit(originals, { nearDuplicates: options.nearDuplicates ?? true });
    const nearDuplicates = report?.nearDuplicates ?? [];
    const undecidedGroups = flagNearDuplicates(nearDuplicates, rowsByOldCode, decidedActions(run));
    rowsByOldCode.writeBack();
    decideOtherOrgs(layout, run);

    const rows = readBack(db, 'SELECT row FROM crosswalk ORDER BY ord', ([row]: [Packed]) => codec.unpack<CrosswalkRow>(row), leftSource);
    const records = readBack(
      db,
      'SELECT crosswalk.row, entries.customer FROM crosswalk JOIN entries ON entries.ord = crosswalk.ord ORDER BY crosswalk.ord',
      ([row, customer]: [Packed, Packed]): MigratedRecord => ({ row: codec.unpack<CrosswalkRow>(row), customer: translateCustomer(codec.unpack<Customer>(customer), options.translate).customer }),
      leftSource.map((row) => ({ row })),
    );
    const inSource = lookups ? db.prepare('SELECT 1 FROM entries WHERE code = ? LIMIT 1').pluck() : undefined;
    const leftCodes = new Set(leftSource.map((row) => row.oldCode));
    const first = db.prepare('SELECT source, fields FROM entries ORDER BY ord LIMIT 1').raw(true).get() as [string | null, Packed | null] | undefined;
    const firstSource = first && (first[1] === null ? first[0] : codec.unpack<Customer>(first[1]).source);
    const summary = summarizeMigration({
      source: options.sourceName ?? (isSource(input) ? input.name : firstSource ?? ''),
      target: options.target?.name ?? null,
      rule: run.state.rule.pattern,
      dryRun: options.dryRun === true,
      rows,
      carriedOver: run.carriedOver,
      skippedNumbers: run.state.skippedNumbers,
      nearDuplicates,
      undecidedGroups,
      unmapped: sortedUnmapped(run),
      unknownDecisions: [...run.decisions.keys()].filter((code) => !leftCodes.has(code) && inSource?.get(code) === undefined),
    });
    return { rows, records, summary, close: () => spill.close() };
  } catch (error) {
    spill.close();
    throw error;
  }
}
