import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Customer } from '@custcode/core';
import { generateSampleCustomers } from '@custcode/sample';
import { type MaskableField, type RowFilter } from '@custcode/access';
import { projectSeedCustomer } from '@custcode/core/fixtures';
import { accessMatrixSeed, maskNeedles, ROW_FILTER_CASES } from '@custcode/access/testing';
import { genericSqlDescriptor } from '@custcode/sql';
import { seedFixture } from '../../../packages/cli/src/demo/seed-fixture.js';
import { createMatrixProject, type MatrixLayout, matrixApiKey } from '../../../packages/cli/test/access-matrix/matrix-project.js';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { BIG_CUSTOMER_COLUMNS, createBigCustomerTable } from '../../../test-support/big-customer-table.js';
import { HOSTILE_FIELDS, HOSTILE_RECORDS, hostileCsv } from './hostile-records.js';

export const ADMIN = 'admin';
export const RESTRICTED = 'restricted';
export const MASKED: readonly MaskableField[] = ['name', 'phone', 'taxId'];
/** Rows of the big MariaDB table the aborted exports read (the 200k). */
export const MARIADB_ROWS = 200_000;
/** Records of the SQLite source audited while /health is asked (the demo's sources have 2,000). */
const BIG_RECORDS = 40_000;
/** The password of a source whose server does not answer: no error may show it. */
export const DOWN_PASSWORD = 'QDOWN7se/cret99';

export interface AdversarialProject {
  directory: string;
  /** Every source with the records it holds (the MariaDB one only when it runs). */
  layouts: MatrixLayout[];
  /** The restricted role's row filter per source. */
  filters: Record<string, RowFilter>;
  /** Whether the restricted role may see `customer` of `source`, decided from the filter alone. */
  within(source: string, customer: Pick<Customer, 'code' | 'org'>): boolean;
  /** Every value of a masked field the sources store (and its parts and pinyin initials). */
  needles: string[];
  /** Set when the MariaDB source runs; else why it does not. */
  mariadb: { database: TestDatabase } | { skipped: string };
  /** The environment `custcode` needs (secrets by reference). */
  env: Record<string, string>;
  key(user: string): string;
  cleanup(): Promise<void>;
}

/** The restricted role's filter: the org of the matrix's `C001` where the ERP scopes customers, and a code prefix. */
function filterOf(layout: MatrixLayout, codePrefix: string): RowFilter {
  const org = layout.records.find((record) => record.code === 'C001' && record.org !== undefined)?.org;
  return { codePrefix, ...(org === undefined ? {} : { org }) };
}

/** The generic-sql layout with BIG_RECORDS customers in big.sqlite, and the config options that read it. */
async function seedBig(directory: string): Promise<{ layout: MatrixLayout; options: Record<string, unknown> }> {
  const seen = new Set<string>();
  const customers = generateSampleCustomers({ count: BIG_RECORDS, seed: 15, problems: true }).customers.filter((customer) => !seen.has(customer.code) && Boolean(seen.add(customer.code)));
  const seeded = await seedFixture(genericSqlDescriptor, directory, customers, 'big.sqlite', 'big');
  return { layout: { source: 'big', records: seeded.records }, options: seeded.options };
}

/**
 * The access matrix's project (every ERP layout, SAP, a CSV file) plus a hostile CSV source, a 40,000-record
 * SQLite source, a source whose database does not answer and, with CUSTCODE_MARIADB_URL, a 200,000-row
 * MariaDB table (when asked for). Users `admin` (everything) and `restricted`: every command, masks on name, phone and taxId,
 * and on each source a row filter by code prefix and, where the ERP scopes customers, org.
 */
export async function createAdversarialProject(options: { mariadb: boolean }): Promise<AdversarialProject> {
  const filters: Record<string, RowFilter> = {};
  const restricted = (filter: RowFilter) => ({ commands: '*' as const, mask: [...MASKED], filter });
  const matrix = await createMatrixProject((layouts) => {
    for (const layout of layouts) filters[layout.source] = filterOf(layout, 'C00');
    return { [ADMIN]: { sources: { '*': { commands: '*' } } }, [RESTRICTED]: { sources: Object.fromEntries(layouts.map((layout) => [layout.source, restricted(filters[layout.source]!)])) } };
  });
  const directory = matrix.directory;
  const big = await seedBig(directory);
  const layouts = [...matrix.layouts, big.layout, { source: 'hostile', records: HOSTILE_RECORDS }];
  writeFileSync(join(directory, 'hostile.csv'), hostileCsv());
  const config = JSON.parse(readFileSync(join(directory, 'custcode.config.json'), 'utf8')) as { sources: Record<string, unknown>; roles: Record<string, { sources: Record<string, unknown> }> };
  Object.assign(config.sources, {
    big: big.options,
    hostile: { erp: 'file', path: './hostile.csv', columns: Object.fromEntries(HOSTILE_FIELDS.map((field) => [field, field])) },
    down: { erp: 'generic-sql', url: 'mysql://cc_ro@127.0.0.1:1/erp', password: { env: 'CC_DOWN_PASSWORD' }, table: 'Customer', columns: { code: 'code', name: 'name' } },
  });
  Object.assign(filters, { big: filterOf(layouts.find((layout) => layout.source === 'big')!, 'KH'), hostile: { codePrefix: 'H' }, down: { codePrefix: 'C' } });

  const backend = testBackends().find((candidate) => candidate.name === 'mariadb')!;
  let mariadb: AdversarialProject['mariadb'] = { skipped: options.mariadb ? (backend.unavailable ?? '') : 'not asked for' };
  if (options.mariadb && backend.unavailable === undefined) {
    const database = await backend.createDatabase();
    await createBigCustomerTable(database, MARIADB_ROWS);
    mariadb = { database };
    config.sources.maria = { erp: 'generic-sql', url: database.url, table: 'big_customer', columns: BIG_CUSTOMER_COLUMNS };
    filters.maria = { codePrefix: 'K01' };
  }
  for (const source of ['big', 'hostile', 'down', 'maria']) if (filters[source]) config.roles[RESTRICTED]!.sources[source] = restricted(filters[source]);
  writeFileSync(join(directory, 'custcode.config.json'), JSON.stringify(config, null, 2));

  // What the ERPs hold, whether or not a layout maps it to a field (as the masking matrix reads it).
  const stored = accessMatrixSeed().map((seed) => projectSeedCustomer(seed, { source: 'seed', erp: 'file', fields: ['name', 'shortName', 'taxId', 'phone', 'contact', 'address'] }));
  const held = [...stored, ...layouts.flatMap((layout) => layout.records)];
  return {
    directory,
    layouts,
    filters,
    within: (source, customer) => {
      const filter = filters[source]!;
      return (
        (filter.org === undefined || ROW_FILTER_CASES.org.within(customer as Customer, filter.org)) &&
        (filter.codePrefix === undefined || ROW_FILTER_CASES.codePrefix.within(customer as Customer, filter.codePrefix))
      );
    },
    needles: [...new Set(MASKED.flatMap((field) => maskNeedles(held, field)))],
    mariadb,
    env: { CC_DOWN_PASSWORD: DOWN_PASSWORD },
    key: matrixApiKey,
    cleanup: async () => {
      if ('database' in mariadb) await mariadb.database.drop();
      await matrix.cleanup();
    },
  };
}
