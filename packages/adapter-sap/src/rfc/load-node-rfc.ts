import { importOptional, isModuleNotFound } from '@custcode/core/adapter';
import { MissingDriverError } from '@custcode/core';
import type { NodeRfcModule } from './rfc-client.js';

// @ts-ignore -- node-rfc is an optional peer without types here; NodeRfcModule describes what we use.
const importNodeRfc = () => import('node-rfc') as Promise<NodeRfcModule>;

/**
 * Loads node-rfc on first use, or through `importer` (tests), both by core's importOptional. It needs
 * SAP's proprietary NW RFC SDK, so "not installed" (MODULE_NOT_FOUND) and "installed but the native library
 * failed to load" (ERR_DLOPEN_FAILED) are both common: the error says which and how to pass a client instead.
 */
export async function loadNodeRfc(importer?: () => Promise<NodeRfcModule>): Promise<NodeRfcModule> {
  try {
    return await importOptional('node-rfc', importNodeRfc, 'The SAP source', importer ? { injected: importer } : {});
  } catch (error) {
    throw missingNodeRfc(MissingDriverError.isInstance(error) ? (error as Error).cause : error);
  }
}

function missingNodeRfc(cause: unknown): MissingDriverError {
  const code = (cause as { code?: string } | undefined)?.code;
  const notInstalled = isModuleNotFound(cause);
  const passClient = 'or pass an open client instead: createSapSource({ name, client }) with any object that has call(functionModule, parameters), such as a node-rfc Client or Pool-acquired client.';
  return new MissingDriverError({
    packageName: 'node-rfc',
    message: notInstalled
      ? 'The SAP source needs the optional package "node-rfc" to open connectionParameters, and it is not installed.'
      : `The SAP source needs "node-rfc", which is installed but could not load${code ? ` (${code})` : ''}: the SAP NW RFC SDK library (sapnwrfc) is missing or does not match this platform. ${String((cause as Error | undefined)?.message ?? cause).split('\n')[0]}`,
    hint: notInstalled
      ? `npm install node-rfc (it needs SAP's NW RFC SDK from the SAP Support Portal), ${passClient}`
      : `Install the SAP NW RFC SDK and set SAPNWRFC_HOME / the library path, ${passClient}`,
    cause,
  });
}
