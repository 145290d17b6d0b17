import { resolve } from 'node:path';
import type { SourceConfig } from '../config/config-schema.js';
import { resolveSecret } from '../config/resolve-secret.js';
import { loadExport } from './load-factory.js';

type SapConfig = Extract<SourceConfig, { erp: 'sap' }>;

/**
 * What createSapSource (and checkSapAccess) receive for a configured SAP source: an emulator opened from its
 * data file (with the file's logon user and authorizations), or node-rfc connection parameters with the
 * password from the environment. `secrets` lists what messages must never show.
 */
export async function sapOptionsOf(name: string, config: SapConfig, directory: string, env: NodeJS.ProcessEnv): Promise<{ options: Record<string, unknown>; secrets: string[] }> {
  const { erp: _erp, emulator, rfc, ...rest } = config;
  const defined = (options: Record<string, unknown>) => Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  if (emulator !== undefined) {
    const readEmulatorSystem = await loadExport<(file: string) => Promise<Record<string, unknown>>>('@custcode/adapter-sap/emulator', 'readEmulatorSystem', 'SAP emulator');
    const createRfcEmulator = await loadExport<(tables: unknown, options: unknown) => unknown>('@custcode/adapter-sap/emulator', 'createRfcEmulator', 'SAP emulator');
    const { tables, ...access } = await readEmulatorSystem(resolve(directory, emulator));
    return { options: defined({ ...rest, name, client: createRfcEmulator(tables, access) }), secrets: [] };
  }
  const passwd = rfc === undefined ? undefined : resolveSecret(rfc.passwd, env, `sources.${name}.rfc.passwd`);
  const connectionParameters = rfc === undefined ? undefined : defined({ ...rfc, passwd });
  return { options: defined({ ...rest, name, connectionParameters }), secrets: passwd === undefined ? [] : [passwd] };
}
