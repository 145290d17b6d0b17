import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AdapterDescriptor, ErpKind } from '@custcode/core';
import type { SeedCustomer, SeededFixture } from '@custcode/core/fixtures';
import { fileConnectionUrl } from '@custcode/sql';
import { openSeedTarget } from '@custcode/sql/testing';
import { ADAPTER_REGISTRY, loadDescriptor, REGISTERED_ERPS } from '../sources/adapter-registry.js';
import { DEMO_DIALECT } from './sqlite-seed-target.js';

/**
 * Writes a product's fixture into `directory` under its demo file name (or `file`): a SQLite database in its
 * table layout, or its data file. Returns the config options that read it and the records they give.
 */
export async function seedFixture(descriptor: AdapterDescriptor, directory: string, customers: SeedCustomer[], file = descriptor.testing.demo.file, source = descriptor.testing.demo.source): Promise<SeededFixture> {
  const path = join(directory, file);
  if (descriptor.testing.fixture === 'file') return descriptor.testing.seed({ kind: 'file', path, configPath: `./${file}` }, customers, { source });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  // A parsed URL, so that no character of the directory's path is read as URL syntax.
  const target = await openSeedTarget({ dialect: DEMO_DIALECT, file: path, options: {} });
  try {
    return await descriptor.testing.seed({ kind: 'database', target, url: fileConnectionUrl(target.dialect, `./${file}`) }, customers, { source });
  } finally {
    await target.close();
  }
}

/** Each registered product's descriptor in registry order, or why this build cannot load it. */
export async function registeredProducts(): Promise<Array<[ErpKind, AdapterDescriptor | string]>> {
  return Promise.all(
    REGISTERED_ERPS.map(async (erp): Promise<[ErpKind, AdapterDescriptor | string]> => {
      try {
        return [erp, await loadDescriptor(erp)];
      } catch {
        return [erp, `${ADAPTER_REGISTRY[erp].packageName} is not available in this build`];
      }
    }),
  );
}
