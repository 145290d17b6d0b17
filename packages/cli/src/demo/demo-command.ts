import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generateSampleCustomers, type SeedCustomer } from '@custcode/core';
import { type CommandIo, EXIT_CODES } from '../command-io.js';
import { DEFAULT_CONFIG_FILE } from '../config/load-config.js';
import { reportError } from '../output/report-error.js';
import { writeChunk } from '../output/write-chunk.js';
import { DEMO_DATABASES, loadSeeder } from './demo-entries.js';
import { CSV_DEMO_FILE, DEMO_CSV_COLUMNS, SAP_DEMO_FILE, writeCsvDemo, writeSapDemo } from './demo-extras.js';
import { assertDemoDirectory, writeDemoMarker } from './demo-marker.js';
import { createSqliteSeedTarget } from './sqlite-seed-target.js';
import { withShowcase } from './demo-showcase.js';
import { demoTour } from './demo-tour.js';

export interface DemoOptions {
  dir?: string;
  json?: boolean;
  /** Customers per source (default 2,000; at least 200, the sample plants problems). */
  count?: number;
}

export interface DemoSourceReport {
  source: string;
  erp: string;
  file?: string;
  rows?: number;
  skipped?: string;
  /** An existing code, for the tour. */
  sampleCode?: string;
}

interface Sample {
  customers: SeedCustomer[];
  rule: string;
}

/** Realistic customers with planted problems (for `custcode audit`); a different seed per ERP. */
function sampleData(options: DemoOptions): (seed: number) => Sample {
  return (seed) => {
    const { customers, rule } = generateSampleCustomers({ count: options.count ?? 2000, seed, problems: true });
    return { customers: withShowcase(customers), rule };
  };
}

/**
 * ERP tables key customers by code: of records with the very same code (the sample's planted empty
 * codes), a database holds only one. Near-duplicates in another form (case, width, spaces) stay.
 */
function storable(customers: SeedCustomer[]): SeedCustomer[] {
  const seen = new Set<string>();
  return customers.filter((customer) => !seen.has(customer.code) && Boolean(seen.add(customer.code)));
}

const sampleCode = (customers: SeedCustomer[]) => customers.find((customer) => customer.code !== '' && customer.status === 'active')?.code;

/**
 * `custcode demo [--dir DIR]`: SQLite databases in each ERP's real layout, the SAP emulator's data file and
 * a CSV file, ~2,000 customers each, plus a config and a tour. Offline, in seconds. An ERP whose seeder is
 * not available in this build is skipped with a note.
 */
export async function runDemo(io: CommandIo, options: DemoOptions): Promise<number> {
  try {
    const directory = resolve(io.cwd, options.dir ?? './custcode-demo');
    const data = sampleData(options);
    const files = [...DEMO_DATABASES.map((database) => database.file), SAP_DEMO_FILE, CSV_DEMO_FILE, DEFAULT_CONFIG_FILE];
    assertDemoDirectory(directory, files);
    mkdirSync(directory, { recursive: true });
    // Marked first: from here on no command writes over these files, whatever config it runs with.
    writeDemoMarker(directory, files);
    const reports: DemoSourceReport[] = [];
    const sources: Record<string, unknown> = {};
    for (const [index, database] of DEMO_DATABASES.entries()) {
      const report: DemoSourceReport = { source: database.source, erp: String(database.config.erp) };
      reports.push(report);
      const seeder = await loadSeeder(database);
      if (typeof seeder === 'string') {
        report.skipped = seeder;
        continue;
      }
      const customers = storable(data(2024 + index).customers);
      const path = join(directory, database.file);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      const target = createSqliteSeedTarget(path);
      let seeded: unknown;
      try {
        seeded = await seeder(target, customers, { source: database.source });
      } finally {
        target.close();
      }
      // Seeders return the records a source over the new database gives (rows they cannot store are left out).
      const rows = Array.isArray(seeded) ? seeded.length : customers.length;
      Object.assign(report, { file: database.file, rows, sampleCode: sampleCode(customers) });
      sources[database.source] = database.config;
    }
    const sap = await writeSapDemo(directory, data(2030).customers);
    if (typeof sap === 'string') reports.push({ source: 'sap', erp: 'sap', skipped: sap });
    else {
      reports.push({ source: 'sap', erp: 'sap', ...sap });
      sources.sap = { erp: 'sap', emulator: `./${sap.file}` };
    }
    const { customers: csvCustomers, rule } = data(2031);
    const csv = await writeCsvDemo(directory, csvCustomers);
    reports.push({ source: 'clients', erp: 'file', ...csv, sampleCode: sampleCode(csvCustomers) });
    sources.clients = { erp: 'file', path: `./${csv.file}`, columns: DEMO_CSV_COLUMNS };

    const first = reports.find((report) => report.rows !== undefined && report.erp !== 'file') ?? reports[reports.length - 1]!;
    const config = {
      sources,
      rules: { kh: rule },
      views: { [`${first.source}-active`]: { source: first.source, status: 'active' }, [`${first.source}-blocked`]: { source: first.source, status: 'blocked', fields: ['code', 'name', 'status', 'updatedAt'] } },
    };
    writeFileSync(join(directory, DEFAULT_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`, 'utf8');

    if (options.json) {
      await writeChunk(io.stdout, `${JSON.stringify({ dir: directory, config: join(directory, DEFAULT_CONFIG_FILE), sources: reports }, null, 2)}\n`);
    } else {
      await writeChunk(io.stdout, demoTour(relative(io.cwd, directory) || '.', reports, first));
    }
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json });
  }
}
