import { type AdapterContext, type AdapterDescriptor, secretRefSchema } from '@custcode/core';
import { z } from 'zod';
import { checkODataAccess } from './odata/odata-access-check.js';
import { odataConfigSchema, odataOptionsOf } from './odata/odata-config.js';
import type { SapODataSourceOptions } from './odata/odata-options.js';
import { checkSapAccess } from './sap-access-check.js';
import type { SapSourceOptions } from './sap-options.js';
import { createSapSource } from './sap-source.js';

/** node-rfc connection parameters as a config file gives them: `passwd` from the environment. */
const rfcConfigSchema = z
  .object({
    ashost: z.string().optional(),
    sysnr: z.string().optional(),
    client: z.string(),
    user: z.string(),
    passwd: secretRefSchema,
    lang: z.string().optional(),
    mshost: z.string().optional(),
    msserv: z.string().optional(),
    group: z.string().optional(),
    r3name: z.string().optional(),
    sysid: z.string().optional(),
    saprouter: z.string().optional(),
  })
  .strict();

const sapConfigSchema = z
  .object({
    erp: z.literal('sap'),
    /** Emulator data file (written by the demo); relative to the config file. */
    emulator: z.string().min(1).optional(),
    /** node-rfc connection parameters; `passwd` from the environment. */
    rfc: rfcConfigSchema.optional(),
    /** S/4HANA's OData V2 service API_BUSINESS_PARTNER (url, auth with `{ env }` secrets, client, language). */
    odata: odataConfigSchema.optional(),
    functionModule: z.string().optional(),
    orgScope: z.enum(['none', 'company-code', 'sales-area']).optional(),
    categoryField: z.enum(['KTOKD', 'KUKLA']).optional(),
    texts: z.boolean().optional(),
    language: z.string().length(1).optional(),
    changeDocuments: z.boolean().optional(),
    extraFields: z.array(z.string()).optional(),
    pageSize: z.number().int().positive().optional(),
    keyWindow: z.number().int().positive().optional(),
    lookupBatch: z.number().int().positive().optional(),
    rowWidth: z.number().int().positive().optional(),
  })
  .strict()
  .refine(
    (config) => [config.emulator, config.rfc, config.odata].filter((value) => value !== undefined).length === 1,
    'a sap source needs exactly one of "emulator" (a data file), "rfc" (connection parameters) or "odata" (the API_BUSINESS_PARTNER service)',
  );

type SapConfig = z.infer<typeof sapConfigSchema>;

const defined = <T extends Record<string, unknown>>(options: T) => Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
/** The emulator is test equipment: loaded only when a config points at its data file. */
const loadEmulator = () => import('./emulator/index.js');

/** createSapSource's options for a config entry: the emulator opened from its data file, or node-rfc parameters with the password read. */
async function sapOptionsOf(config: SapConfig, context: AdapterContext): Promise<SapSourceOptions | SapODataSourceOptions> {
  const { erp: _erp, emulator, rfc, odata, ...rest } = config;
  if (odata !== undefined) return odataOptionsOf(odata, rest, context);
  if (emulator !== undefined) {
    const { readEmulatorSystem, createRfcEmulator } = await loadEmulator();
    const { tables, ...access } = await readEmulatorSystem(context.path(emulator));
    return defined({ ...rest, name: context.name, client: createRfcEmulator(tables, access) });
  }
  const passwd = rfc === undefined ? undefined : context.secret(rfc.passwd, 'rfc.passwd');
  const connectionParameters = rfc === undefined ? undefined : defined({ ...rfc, passwd }) as Record<string, string>;
  return defined({ ...rest, name: context.name, connectionParameters });
}

/** SAP ECC / S/4 (`"erp": "sap"`): KNA1 + KNB1 / KNVV through RFC_READ_TABLE, over node-rfc or the emulator's data file. */
export const sapDescriptor: AdapterDescriptor<SapConfig> = {
  erp: 'sap',
  label: 'SAP (KNA1 / KNB1 / KNVV over RFC)',
  optionsSchema: sapConfigSchema,
  create: async (config, context) => createSapSource(await sapOptionsOf(config, context)),
  describe: (config) =>
    config.odata !== undefined
      ? { target: `odata ${config.odata.url}${config.odata.client ? ` client ${config.odata.client}` : ''}` }
      : config.emulator !== undefined
      ? { target: `emulator ${config.emulator}`, files: [{ path: config.emulator, what: 'the SAP emulator data' }] }
      : { target: `rfc ${config.rfc?.ashost ?? config.rfc?.mshost ?? ''} client ${config.rfc?.client ?? ''}` },
  checkAuthorizations: async (config, context) => {
    const options = await sapOptionsOf(config, context);
    return 'transport' in options ? checkODataAccess(options) : checkSapAccess(options);
  },
  testing: {
    fixture: 'file',
    demo: { source: 'sap', file: 'sap-emulator.json' },
    async seed(fixture, customers, options) {
      if (fixture.kind !== 'file') throw new TypeError(`sap is seeded into an emulator data file, not a ${fixture.kind}.`);
      const { seedSapTables, writeEmulatorData } = await loadEmulator();
      // SAP keeps only codes that fit KUNNR (CHAR 10): the records say what was really seeded.
      const seeded = seedSapTables(customers, { sourceName: options.source });
      await writeEmulatorData(fixture.path, seeded.tables);
      return { options: { erp: 'sap', emulator: fixture.configPath }, records: seeded.expected };
    },
    emulator: async (...args: Parameters<Awaited<ReturnType<typeof loadEmulator>>['createRfcEmulator']>) => (await loadEmulator()).createRfcEmulator(...args),
  },
};
