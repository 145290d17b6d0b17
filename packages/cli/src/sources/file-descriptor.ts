import { type AdapterDescriptor, CUSTOMER_STATUSES } from '@custcode/core';
import { z } from 'zod';
import { createFileSource } from './file-source.js';

const fileConfigSchema = z
  .object({
    erp: z.literal('file'),
    path: z.string().min(1),
    columns: z.record(z.string(), z.string().min(1)),
    encoding: z.enum(['utf8', 'gbk', 'gb18030']).optional(),
    sheet: z.string().optional(),
    /** Extra words of the file's status column: `{ "冻结": "blocked" }`. */
    statusValues: z.record(z.string(), z.enum(CUSTOMER_STATUSES)).optional(),
  })
  .strict();

/** A CSV or XLSX customer list (`"erp": "file"`), read once into memory; the path is relative to the config file. */
export const fileDescriptor: AdapterDescriptor<z.infer<typeof fileConfigSchema>> = {
  erp: 'file',
  label: 'CSV / XLSX file',
  optionsSchema: fileConfigSchema,
  create: (config, context) => {
    const { erp: _erp, ...options } = config;
    return createFileSource({ ...options, name: context.name, path: context.path(config.path) });
  },
  describe: (config) => ({ target: config.path, files: [{ path: config.path, what: 'the file' }] }),
  testing: {
    fixture: 'file',
    demo: { source: 'clients', file: 'clients.csv' },
    async seed(fixture, customers, options) {
      if (fixture.kind !== 'file') throw new TypeError(`file is seeded into a file, not a ${fixture.kind}.`);
      const { DEMO_CSV_COLUMNS, writeCsvFixture } = await import('./file-fixture.js');
      const records = await writeCsvFixture(fixture.path, customers, options.source);
      return { options: { erp: 'file', path: fixture.configPath, columns: DEMO_CSV_COLUMNS }, records };
    },
  },
};
