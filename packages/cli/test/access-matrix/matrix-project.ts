import { join } from 'node:path';
import { type AccessPolicy, hashApiKey } from '@custcode/access';
import { type Customer } from '@custcode/core';
import { projectSeedCustomer } from '@custcode/core/fixtures';
import { accessMatrixSeed } from '@custcode/access/testing';
import { seedSapTables, writeEmulatorData } from '@custcode/adapter-sap/emulator';
import { createCustcodeApp, type ServerSourceEntry } from '@custcode/server';
import { accessPolicyOf } from '../../src/commands/access-log/cli-access.js';
import { loadConfig } from '../../src/config/load-config.js';
import { registeredProducts, seedFixture } from '../../src/demo/seed-fixture.js';
import { DEMO_CSV_COLUMNS, writeCsvFixture } from '../../src/sources/file-fixture.js';
import { openSource } from '../../src/sources/open-source.js';
import { captureIo, runInProcess, tempProject } from '../test-io.js';

/** A configured source of the matrix project and the records it holds, as its seeder says it must return them. */
export interface MatrixLayout {
  source: string;
  records: Customer[];
}

export interface MatrixProject {
  directory: string;
  layouts: MatrixLayout[];
  /** `custcode --user USER ARGS` in-process. */
  run(user: string, args: string[]): ReturnType<typeof runInProcess>;
  /** An API request with USER's key. */
  request(user: string, path: string, init?: RequestInit): Promise<Response>;
  cleanup(): Promise<void>;
}

/** A user per role, named after it, each with this API key (configured as its sha256). */
export function matrixApiKey(user: string): string {
  return `key-${user}`;
}

/** The registered products whose fixture is a database (every SQL ERP layout), in registry order. */
export async function databaseProducts() {
  return (await registeredProducts()).flatMap(([erp, descriptor]) => {
    if (typeof descriptor === 'string') throw new Error(`${erp}: ${descriptor}`);
    return descriptor.testing.fixture === 'database' ? [descriptor] : [];
  });
}

/**
 * The matrix data (`accessMatrixSeed`) in every layout custcode reads, as the demo builds them: each SQL ERP's
 * own tables in SQLite, the SAP emulator (sales areas, ALPHA codes) and a CSV file. `roles` get one user
 * each, named after the role; the config's roles are applied by the CLI and by the API app built here the
 * way `custcode serve` builds it.
 */
export async function createMatrixProject(roles: (layouts: MatrixLayout[]) => NonNullable<AccessPolicy['roles']>, only?: readonly string[]): Promise<MatrixProject> {
  const project = tempProject();
  const seed = accessMatrixSeed();
  const layouts: MatrixLayout[] = [];
  const sources: Record<string, unknown> = {};
  const wanted = (source: string) => only === undefined || only.includes(source);
  for (const descriptor of await databaseProducts()) {
    const { source } = descriptor.testing.demo;
    if (!wanted(source)) continue;
    const seeded = await seedFixture(descriptor, project.directory, seed);
    layouts.push({ source, records: seeded.records });
    sources[source] = seeded.options;
  }
  if (wanted('sap')) {
    const sap = seedSapTables(seed, { sourceName: 'sap', orgScope: 'sales-area' });
    await writeEmulatorData(join(project.directory, 'sap-emulator.json'), sap.tables);
    layouts.push({ source: 'sap', records: sap.expected });
    sources.sap = { erp: 'sap', emulator: './sap-emulator.json', orgScope: 'sales-area' };
  }
  if (wanted('clients')) {
    await writeCsvFixture(join(project.directory, 'clients.csv'), seed, 'clients');
    const fields = ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt'] as const;
    // The file source trims cells and keeps rows without a code (code "").
    const records = seed.map((customer) => projectSeedCustomer({ ...customer, code: customer.code.trim() }, { source: 'clients', erp: 'file', fields }));
    layouts.push({ source: 'clients', records });
    sources.clients = { erp: 'file', path: './clients.csv', columns: DEMO_CSV_COLUMNS };
  }
  const configuredRoles = roles(layouts);
  const users = Object.fromEntries(Object.keys(configuredRoles).map((role) => [role, { role, apiKey: { sha256: hashApiKey(matrixApiKey(role)) } }]));
  project.write('custcode.config.json', JSON.stringify({ sources, roles: configuredRoles, users, accessLog: { path: './access.jsonl' } }, null, 2));

  const env = {};
  const loaded = await loadConfig(captureIo(project.directory).io);
  const entries: Record<string, ServerSourceEntry> = Object.fromEntries(
    Object.entries(loaded.config.sources).map(([name, config]) => [name, { erp: config.erp, open: () => openSource(loaded, name, env, 'unguarded') }]),
  );
  const app = createCustcodeApp({ sources: entries, policy: accessPolicyOf(loaded), env, allowedHosts: ['custcode.test'] });
  return {
    directory: project.directory,
    layouts,
    run: (user, args) => runInProcess(['--user', user, ...args], { cwd: project.directory, env }),
    request: async (user, path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${matrixApiKey(user)}`);
      return app.fetch(new Request(`http://custcode.test${path}`, { ...init, headers }));
    },
    cleanup: async () => {
      await app.close();
      project.cleanup();
    },
  };
}
