import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type Customer } from '@custcode/core';
import { generateSampleCustomers, shareCustomers } from '@custcode/sample';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { type CommandIo, EXIT_CODES } from '../command-io.js';
import { DEFAULT_CONFIG_FILE } from '../config/load-config.js';
import { reportError } from '../output/report-error.js';
import { writeChunk } from '../output/write-chunk.js';
import { assertDemoDirectory, writeDemoMarker } from './demo-marker.js';
import { registeredProducts, seedFixture } from './seed-fixture.js';
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

/** The first ERP's sample seed: the other ERPs share some of its companies. */
const FIRST_SEED = 2024;
/** Share of each other ERP's customers that are companies of the first ERP too (for `custcode match`). */
const SHARED = 0.3;

/**
 * Realistic customers with planted problems (for `custcode audit`); a different seed per ERP. 30 % of each
 * later ERP's customers are companies of the first one, typed as another system would (`shareCustomers`),
 * so that `custcode match` finds customers across the demo's ERPs.
 */
function sampleData(options: DemoOptions): (seed: number) => Sample {
  const generate = (seed: number) => generateSampleCustomers({ count: options.count ?? 2000, seed, problems: true });
  const first = generate(FIRST_SEED).customers;
  return (seed) => {
    const { customers, rule } = generate(seed);
    const shared = seed === FIRST_SEED ? customers : shareCustomers(customers, first, { share: SHARED, seed });
    return { customers: withShowcase(shared), rule };
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

const sampleCode = (records: Customer[]) => records.find((customer) => customer.code !== '' && customer.status === 'active')?.code;

/**
 * `custcode demo [--dir DIR]`: SQLite databases in each ERP's real layout, the SAP emulator's data file and
 * a CSV file, ~2,000 customers each, plus a config and a tour. Offline, in seconds. An ERP whose seeder is
 * not available in this build is skipped with a note.
 */
export async function runDemo(io: CommandIo, options: DemoOptions): Promise<number> {
  try {
    const directory = resolve(io.cwd, options.dir ?? './custcode-demo');
    const data = sampleData(options);
    const products = await registeredProducts();
    const files = [...products.flatMap(([, descriptor]) => (typeof descriptor === 'string' ? [] : [descriptor.testing.demo.file])), DEFAULT_CONFIG_FILE];
    assertDemoDirectory(directory, files);
    mkdirSync(directory, { recursive: true });
    // Marked first: from here on no command writes over these files, whatever config it runs with.
    writeDemoMarker(directory, files);
    const reports: DemoSourceReport[] = [];
    const sources: Record<string, unknown> = {};
    let rule = '';
    // A different sample per product, in registry order (seeds 2024, 2025, …); the config's rule is the last one's.
    for (const [index, [erp, descriptor]] of products.entries()) {
      const sample = data(2024 + index);
      rule = sample.rule;
      if (typeof descriptor === 'string') {
        reports.push({ source: erp, erp, skipped: descriptor });
        continue;
      }
      const { source, file } = descriptor.testing.demo;
      const report: DemoSourceReport = { source, erp };
      reports.push(report);
      // A database keys customers by code; a file holds every row as given.
      const seeded = await seedFixture(descriptor, directory, descriptor.testing.fixture === 'database' ? storable(sample.customers) : sample.customers);
      const code = sampleCode(seeded.records);
      Object.assign(report, { file, rows: seeded.records.length, ...(code === undefined ? {} : { sampleCode: code }) });
      sources[source] = seeded.options;
    }

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
