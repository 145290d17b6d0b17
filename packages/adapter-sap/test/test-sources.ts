import { createCustomerSource, type CustomerSource } from '@custcode/core';
import type { RfcClient } from '../src/rfc/rfc-client.js';
import type { NodeRfcModule } from '../src/rfc/rfc-client.js';
import { createRfcTransport } from '../src/rfc/rfc-transport.js';
import { createSapReader } from '../src/sap-reader.js';
import { sapSourceOptionsSchema, type SapSourceOptions } from '../src/sap-options.js';

/** createSapSource with node-rfc's import replaced: fakes of a missing, broken or refusing node-rfc. */
export function sapSourceWithNodeRfc(options: SapSourceOptions, importer: () => Promise<NodeRfcModule>): CustomerSource {
  const parsed = sapSourceOptionsSchema.parse(options);
  return createCustomerSource(createSapReader(parsed, createRfcTransport(parsed, importer)));
}

/** A node-rfc module whose Client.open() rejects the way node-rfc does (RfcLibError shape). */
export function refusingNodeRfc(failure: { code: number; codeString: string; message: string }): () => Promise<NodeRfcModule> {
  class Client implements RfcClient {
    constructor(readonly parameters: Record<string, string>) {}
    async open(): Promise<unknown> {
      throw Object.assign(new Error(failure.message), { name: 'RfcLibError', group: 2, key: failure.codeString, ...failure });
    }
    async close(): Promise<unknown> {
      return undefined;
    }
    async call(): Promise<unknown> {
      throw new Error('not open');
    }
  }
  return async () => ({ Client });
}

/** An importer failing like a missing package or a native library that cannot load. */
export function failingImport(code: 'ERR_MODULE_NOT_FOUND' | 'ERR_DLOPEN_FAILED'): () => Promise<NodeRfcModule> {
  return async () => {
    throw Object.assign(new Error(code === 'ERR_DLOPEN_FAILED' ? 'libsapnwrfc.so: cannot open shared object file: No such file or directory' : "Cannot find package 'node-rfc'"), { code });
  };
}
