/**
 * The backends of the backend matrix (test/backend-matrix.test.ts): the SQL test databases and the two
 * emulators that stand in for an ERP's own interface. Each adapter × layout says which ones it runs on.
 */
import type { Customer, CustomerSource } from '@custcode/core';
import type { ConformanceOptions } from '@custcode/core/testing';
import type { BackendName, TestBackend, TestDatabase } from '../backends.js';

export type MatrixBackendName = BackendName | 'sap-rfc-emulator' | 'sap-odata-emulator' | 'k3cloud-webapi-emulator';

export const SQL_BACKENDS: readonly MatrixBackendName[] = ['sqlite', 'mariadb', 'postgres'];

export interface MatrixBackend {
  name: MatrixBackendName;
  /** Set when the backend cannot run here; its suites register as skipped with this reason printed. */
  unavailable: string | undefined;
  /** The test database server, for the SQL backends. */
  sql?: TestBackend;
}

export function sqlMatrixBackend(backend: TestBackend): MatrixBackend {
  return { name: backend.name, unavailable: backend.unavailable, sql: backend };
}

/** The emulators run in-process: always reachable. */
export function emulatorBackend(name: 'sap-rfc-emulator' | 'sap-odata-emulator' | 'k3cloud-webapi-emulator'): MatrixBackend {
  return { name, unavailable: undefined };
}

/** The SQL test database server of `backend`; a matrix entry asks only for backends it runs on. */
export function sqlBackendOf(backend: MatrixBackend): TestBackend {
  if (!backend.sql) throw new Error(`${backend.name} is not a SQL backend`);
  return backend.sql;
}

/** Every ERP table layout the matrix covers. */
export type LayoutName =
  | 'sap-kna1'
  | 'sap-api-business-partner'
  | 'ebs-tca'
  | 'u8-customer'
  | 'nc-bd-customer'
  | 'k3cloud-t-bd-customer'
  | 'k3wise-t-organization'
  | 'generic-sql';

/** Adapter-specific cases registered inside a conformance suite. */
export type AdditionalTests = NonNullable<ConformanceOptions['additionalTests']>;

/** One adapter configuration on one layout: the conformance suite's options for a backend it runs on. */
export interface MatrixEntry {
  /** Suite title before ` on <backend>`, e.g. `yonyou-nc (likely optional columns)`. */
  label: string;
  layout: LayoutName;
  runsOn: readonly MatrixBackendName[];
  conformance(backend: MatrixBackend): Omit<ConformanceOptions, 'name' | 'unavailable'>;
}

/** The hand-written rows of one layout and the records a reader of the ERP's documentation expects from them. */
export interface ExpectedRecords {
  layout: LayoutName;
  /** Raw rows per table, in the ERP's own columns and storage forms, inserted in this order. */
  tables: Record<string, Array<Record<string, unknown>>>;
  /** Every record the source must return (search without a filter), `raw` left out; any order. */
  customers: Array<Omit<Customer, 'raw'>>;
  /** Lookups without an org: the code as a user types it → the record's org (or undefined: the record without org). */
  lookups?: Array<{ code: string; org?: string }>;
  /** Raw values a few records must carry, as the source reads them. */
  rawChecks: Array<{ code: string; org?: string; raw: Record<string, unknown> }>;
}

/** How the hand-written rows of a layout get onto a backend and which source reads them. */
export interface GoldenEntry {
  records: ExpectedRecords;
  runsOn: readonly MatrixBackendName[];
  open(backend: MatrixBackend, records: ExpectedRecords): Promise<{ source: CustomerSource; teardown?(): Promise<void> }>;
}

/**
 * Creates the layout's tables with its seeder's DDL (`createTables`, typically the seeder given no
 * customers), inserts the hand-written rows and opens `open(url)` on them.
 */
export async function openGoldenOnSql(
  backend: MatrixBackend,
  records: ExpectedRecords,
  createTables: (database: TestDatabase) => Promise<unknown>,
  open: (url: string) => CustomerSource,
): Promise<{ source: CustomerSource; teardown(): Promise<void> }> {
  const database = await sqlBackendOf(backend).createDatabase();
  try {
    await createTables(database);
    for (const [table, rows] of Object.entries(records.tables)) await database.insert(table, rows);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return { source: open(database.url), teardown: () => database.drop() };
}
