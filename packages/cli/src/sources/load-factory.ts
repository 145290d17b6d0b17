import { ConfigError } from '@custcode/core';

/** Literal imports, so bundlers and the built binary see every adapter package. */
const PACKAGES = {
  '@custcode/sql': () => import('@custcode/sql'),
  '@custcode/adapter-yonyou': () => import('@custcode/adapter-yonyou'),
  '@custcode/adapter-kingdee': () => import('@custcode/adapter-kingdee'),
  '@custcode/adapter-oracle': () => import('@custcode/adapter-oracle'),
  '@custcode/adapter-sap': () => import('@custcode/adapter-sap'),
  '@custcode/adapter-sap/emulator': () => import('@custcode/adapter-sap/emulator'),
} as const;

export type AdapterPackage = keyof typeof PACKAGES;

/**
 * A named export of an adapter package. Adapters are separate packages; when one is missing or does not
 * export the function yet, the config error says that the adapter is unavailable instead of crashing.
 */
export async function loadExport<T extends (...args: never[]) => unknown>(packageName: AdapterPackage, exportName: string, purpose: string): Promise<T> {
  let module: Record<string, unknown>;
  try {
    module = (await PACKAGES[packageName]()) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError({
      message: `The ${purpose} adapter is unavailable: ${packageName} could not be loaded (${(error as Error).message.split('\n')[0]}).`,
      hint: `Install ${packageName} next to @custcode/cli.`,
      cause: error,
    });
  }
  const value = module[exportName];
  if (typeof value !== 'function') {
    throw new ConfigError({
      message: `The ${purpose} adapter is unavailable: ${packageName} does not export ${exportName}.`,
      hint: `Update ${packageName} to a version that provides ${exportName}, or use another source.`,
    });
  }
  return value as T;
}
