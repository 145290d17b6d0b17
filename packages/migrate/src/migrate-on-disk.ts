import { deserialize, serialize } from 'node:v8';
import { audit, rowIdOf } from '@custcode/audit';
import type { Customer } from '@custcode/core';
import { generateNumbers, keepOldCodes, type PassedOverByKey, TARGET_BATCH } from './assign-numbers.js';
import { customerKeyOf, keyOf } from './migration-key.js';
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

/** JavaScript compares strings by UTF-16 code unit; SQLite compares blobs bytewise: big-endian UTF-16 orders alike. */
const orderBytes = (text: string) => Buffer.from(text, 'utf16le').swap16();
/** Plain JSON values (what SQL and file sources give) go as JSON text, several times faster to write and read than v8's format. */
function isPlain(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      if (value === null) return true;
      if (depth > 2 || (Object.getPrototypeOf(value) !== Object.prototype && !Array.isArray(value))) return false;
      for (const key in value) if (!isPlain((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    default:
      return false;
  }
}
/** Dates, Buffers, bigints and undefined fields (drivers give those in `raw`) keep their type through v8's serializer. */
const pack = (value: unknown): string | Buffer => (isPlain(value) ? JSON.stringify(value) : serialize(value));
const unpack = <T>(stored: string | Buffer): T => (typeof stored === 'string' ? JSON.parse(stored) : deserialize(stored)) as T;

/**
 * What the decisions read of a customer: its identity, status and the fields a rule or value map uses, with
 * only the raw column that gives its row id. A fraction of the whole record, which the files read at the end.
 */
function decisionFields(customer: Customer): Customer {
  const { source, erp, code, name, status, org, category, region, createdAt, raw } = customer;
  const rowId = rowIdOf(raw);
  return {
    source, erp, code, name, status, raw: rowId ? { [rowId.column]: raw[rowId.column] } : {},
    ...(org === undefined ? {} : { org }), ...(category === undefined ? {} : { category }), ...(region === undefined ? {} : { region }), ...(createdAt === undefined ? {} : { createdAt }),
  };
}

interface EntryRow {
  ord: number;
  key: string;
  first: number | null;
  notes: string | Buffer | null;
  /** `decisionFields` of the customer. */
  fields: string | Buffer;
}

/** Reads the source into the scratch database once per key (the first row wins), then numbers the rows in generation order. */
async function load(db: SpillDatabase, input: MigrationInput, options: OnDiskMigrateOptions): Promise<void> {
  // The customers stay where they were read (input, in source order); only the small sort keys are sorted.
  db.exec(`CREATE TABLE input(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, created BLOB, code BLOB NOT NULL, keyorder BLOB NOT NULL, ckey TEXT NOT NULL, codetext TEXT NOT NULL, customer ANY NOT NULL, fields ANY NOT NULL) STRICT;
    CREATE TABLE entry(ord INTEGER PRIMARY KEY, id INTEGER NOT NULL, key TEXT NOT NULL, ckey TEXT NOT NULL, code TEXT NOT NULL, first INTEGER, todo INTEGER NOT NULL DEFAULT 0, notes ANY) STRICT;
    CREATE TABLE crosswalk(ord INTEGER PRIMARY KEY, row ANY NOT NULL) STRICT;`);
  const insert = db.prepare('INSERT OR IGNORE INTO input(key, created, code, keyorder, ckey, codetext, customer, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const byCreated = options.order === 'created';
  let read = 0;
  db.exec('BEGIN');
  for await (const customer of customersOf(input)) {
    const key = keyOf(customer);
    insert.run(key, byCreated ? orderBytes(customer.createdAt ?? '\uffff') : null, orderBytes(customer.code), orderBytes(key), customerKeyOf(customer), customer.code, pack(customer), pack(decisionFields(customer)));
    read += 1;
    if (read % PAGE === 0) options.onProgress?.('read', read);
  }
  options.onProgress?.('read', read);
  // compareForOrder's order: creation date (when asked), old code, then the whole key.
  db.exec(`INSERT INTO entry(id, key, ckey, code) SELECT id, key, ckey, codetext FROM input ORDER BY ${byCreated ? 'created, ' : ''}code, keyorder;
    CREATE TABLE firsts(ckey TEXT PRIMARY KEY, ord INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO firsts SELECT ckey, MIN(ord) FROM entry GROUP BY ckey;
    UPDATE entry SET first = firsts.ord FROM firsts WHERE firsts.ckey = entry.ckey AND firsts.ord <> entry.ord;
    DROP TABLE firsts;
    COMMIT`);
}

/** Pages through the entries in order (no statement stays open across an await). */
function* pages(db: SpillDatabase, where: string, size = PAGE): Generator<EntryRow[]> {
  const select = db.prepare(`SELECT ord, entry.key AS key, first, notes, fields FROM entry JOIN input ON input.id = entry.id WHERE ord > ? AND ${where} ORDER BY ord LIMIT ${size}`);
  let after = 0;
  for (;;) {
    const page = select.all(after) as EntryRow[];
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.ord;
  }
}

/** Writes decided rows in one transaction. */
function writer(db: SpillDatabase): (rows: ReadonlyArray<readonly [number, CrosswalkRow]>) => void {
  const write = db.prepare('INSERT OR REPLACE INTO crosswalk VALUES (?, ?)');
  return db.transaction((rows: ReadonlyArray<readonly [number, CrosswalkRow]>) => {
    for (const [ord, row] of rows) write.run(ord, pack(row));
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

function generation(db: SpillDatabase, run: MigrationRun): Generation {
  const write = writer(db);
  const passedOver: PassedOverByKey = new Map();
  if (run.state.options.keep === true || run.forcedKeep.size > 0) {
    const markTodo = db.prepare('UPDATE entry SET todo = 1, notes = ? WHERE ord = ?');
    const marked: Array<readonly [number, MigrationEntry]> = [];
    const mark = db.transaction(() => {
      for (const [ord, entry] of marked.splice(0)) markTodo.run(entry.notes.length > 0 ? pack(entry.notes) : null, ord);
    });
    return {
      add: (ord, entry) => void marked.push([ord, entry]),
      async drain(final) {
        mark();
        if (!final) return;
        for (const page of pages(db, 'todo = 1', TARGET_BATCH)) {
          const entries = page.map(({ key, notes, fields }) => entryOf(run, key, unpack<Customer>(fields), notes ? unpack<string[]>(notes) : []));
          await generateNumbers(run.state, entries, passedOver);
          write(page.map(({ ord }, index) => [ord, entries[index]!.row as CrosswalkRow] as const));
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
async function decideFirstRows(db: SpillDatabase, run: MigrationRun, options: OnDiskMigrateOptions): Promise<Merging> {
  const merging: Merging = { decisions: [], ords: new Map() };
  const write = writer(db);
  const generate = generation(db, run);
  let done = 0;
  for (const page of pages(db, '1')) {
    const decided: Array<readonly [number, CrosswalkRow]> = [];
    const keeping: Array<readonly [number, MigrationEntry]> = [];
    const todo: Array<readonly [number, MigrationEntry]> = [];
    for (const { ord, key, first, fields } of page) {
      // Every row counts its unmapped values, in generation order; rows of a customer's other orgs wait for its first.
      const entry = enter(run, key, unpack<Customer>(fields));
      if (first !== null) continue;
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
function rowsOnDisk(db: SpillDatabase, leftSource: readonly CrosswalkRow[]): RowsByOldCode & { writeBack(): void } {
  const leftByCode = new Map<string, CrosswalkRow>();
  for (const row of leftSource) if (row.oldCode !== '') leftByCode.set(row.oldCode, row);
  const select = db.prepare('SELECT entry.ord AS ord, crosswalk.row AS row FROM entry JOIN crosswalk ON crosswalk.ord = entry.ord WHERE entry.code = ? AND entry.first IS NULL LIMIT 1');
  const read = new Map<string, { ord: number; row: CrosswalkRow }>();
  const get = (code: string): CrosswalkRow | undefined => {
    if (code === '') return undefined;
    const known = read.get(code);
    if (known) return known.row;
    const found = select.get(code) as { ord: number; row: string | Buffer } | undefined;
    if (!found) return leftByCode.get(code);
    const row = unpack<CrosswalkRow>(found.row);
    read.set(code, { ord: found.ord, row });
    return row;
  };
  const write = writer(db);
  return { get, has: (code) => get(code) !== undefined, writeBack: () => write([...read.values()].map(({ ord, row }) => [ord, row] as const)) };
}

/** A customer's rows in its other orgs take the number of its first org's row. */
function decideOtherOrgs(db: SpillDatabase, run: MigrationRun): void {
  const write = writer(db);
  const firstRow = db.prepare('SELECT row FROM crosswalk WHERE ord = ?').pluck();
  for (const page of pages(db, 'first IS NOT NULL')) {
    write(page.map(({ ord, key, first, fields }) => {
      const entry = entryOf(run, key, unpack<Customer>(fields));
      sameCustomerRow(run, entry, unpack<CrosswalkRow>(firstRow.get(first) as string | Buffer));
      return [ord, entry.row as CrosswalkRow] as const;
    }));
  }
}

/** A sync iterable that runs a fresh query each time it is iterated. */
function readBack<T>(db: SpillDatabase, sql: string, map: (row: never) => T, after: readonly T[]): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (const row of db.prepare(sql).iterate()) yield map(row as never);
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
    await load(db, input, options);
    const merging = await decideFirstRows(db, run, options);

    const lookups = run.decisions.size > 0 || options.nearDuplicates !== false;
    if (lookups) db.exec('CREATE INDEX entry_code ON entry(code)');
    if (run.earlier.size > 0) db.exec('CREATE INDEX entry_key ON entry(key)');
    const present = db.prepare('SELECT 1 FROM entry WHERE key = ? LIMIT 1').pluck();
    const leftSource = leftSourceRows(run, (key) => present.get(key) !== undefined);
    const rowsByOldCode = rowsOnDisk(db, leftSource);
    await resolveMerges(run.state, merging.decisions, rowsByOldCode);
    writer(db)(merging.decisions.map(([entry]) => [merging.ords.get(entry) as number, entry.row as CrosswalkRow] as const));

    const originals = readBack(db, 'SELECT customer FROM entry JOIN input ON input.id = entry.id ORDER BY ord', (row: { customer: string | Buffer }) => unpack<Customer>(row.customer), []);
    const report = options.nearDuplicates === false ? undefined : await audit(originals, { nearDuplicates: options.nearDuplicates ?? true });
    const nearDuplicates = report?.nearDuplicates ?? [];
    const undecidedGroups = flagNearDuplicates(nearDuplicates, rowsByOldCode, decidedActions(run));
    rowsByOldCode.writeBack();
    decideOtherOrgs(db, run);

    const rows = readBack(db, 'SELECT row FROM crosswalk ORDER BY ord', (row: { row: string | Buffer }) => unpack<CrosswalkRow>(row.row), leftSource);
    const records = readBack(
      db,
      'SELECT crosswalk.row AS row, input.customer AS customer FROM crosswalk JOIN entry ON entry.ord = crosswalk.ord JOIN input ON input.id = entry.id ORDER BY crosswalk.ord',
      (row: { row: string | Buffer; customer: string | Buffer }): MigratedRecord => ({ row: unpack<CrosswalkRow>(row.row), customer: translateCustomer(unpack<Customer>(row.customer), options.translate).customer }),
      leftSource.map((row) => ({ row })),
    );
    const inSource = lookups ? db.prepare('SELECT 1 FROM entry WHERE code = ? LIMIT 1').pluck() : undefined;
    const leftCodes = new Set(leftSource.map((row) => row.oldCode));
    const firstCustomer = db.prepare('SELECT customer FROM entry JOIN input ON input.id = entry.id ORDER BY ord LIMIT 1').pluck().get() as string | Buffer | undefined;
    const summary = summarizeMigration({
      source: options.sourceName ?? (isSource(input) ? input.name : firstCustomer ? unpack<Customer>(firstCustomer).source : ''),
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
