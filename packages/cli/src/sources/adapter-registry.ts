import { type AdapterDescriptor, ConfigError, type ErpKind } from '@custcode/core';
import { fileDescriptor } from './file-descriptor.js';

/** A registry line: the package that provides a product's descriptor, and how to load it. */
export interface RegistryEntry {
  packageName: string;
  load: () => Promise<AdapterDescriptor>;
}

/**
 * Every ERP product the CLI opens, one line each, in the order the demo seeds them. A line imports its
 * package only when a config names the product (literal imports, so bundlers see every package); adding a
 * product is its adapter package plus one line here.
 */
export const ADAPTER_REGISTRY: Readonly<Record<ErpKind, RegistryEntry>> = {
  'yonyou-u8': { packageName: '@custcode/adapter-yonyou', load: async () => (await import('@custcode/adapter-yonyou')).yonyouU8Descriptor },
  'yonyou-nc': { packageName: '@custcode/adapter-yonyou', load: async () => (await import('@custcode/adapter-yonyou')).yonyouNcDescriptor },
  'kingdee-k3cloud': { packageName: '@custcode/adapter-kingdee', load: async () => (await import('@custcode/adapter-kingdee')).kingdeeK3CloudDescriptor },
  'kingdee-k3wise': { packageName: '@custcode/adapter-kingdee', load: async () => (await import('@custcode/adapter-kingdee')).kingdeeK3WiseDescriptor },
  'oracle-ebs': { packageName: '@custcode/adapter-oracle', load: async () => (await import('@custcode/adapter-oracle')).oracleEbsDescriptor },
  'generic-sql': { packageName: '@custcode/sql', load: async () => (await import('@custcode/sql')).genericSqlDescriptor },
  sap: { packageName: '@custcode/adapter-sap', load: async () => (await import('@custcode/adapter-sap')).sapDescriptor },
  file: { packageName: '@custcode/cli', load: async () => fileDescriptor },
};

/** The products of the registry, in its order. */
export const REGISTERED_ERPS = Object.keys(ADAPTER_REGISTRY) as ErpKind[];

/**
 * The descriptor of `erp`. A package that is not installed, or that does not provide the descriptor, is a
 * ConfigError naming the package to install, not a crash.
 */
export async function loadDescriptor(erp: ErpKind, entry: RegistryEntry = ADAPTER_REGISTRY[erp]): Promise<AdapterDescriptor> {
  let descriptor: AdapterDescriptor | undefined;
  try {
    descriptor = await entry.load();
  } catch (error) {
    throw new ConfigError({
      message: `The ${erp} adapter is unavailable: ${entry.packageName} could not be loaded (${(error as Error).message.split('\n')[0]}).`,
      hint: `Install ${entry.packageName} next to @custcode/cli.`,
      cause: error,
    });
  }
  if (descriptor?.erp !== erp) {
    throw new ConfigError({
      message: `The ${erp} adapter is unavailable: ${entry.packageName} does not provide its descriptor.`,
      hint: `Update ${entry.packageName} to the version of @custcode/cli, or use another source.`,
    });
  }
  return descriptor;
}
