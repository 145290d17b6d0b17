import { ReadOnlyViolationError } from '@custcode/core';
import { loadNodeRfc } from './load-node-rfc.js';
import type { NodeRfcModule, RfcClient } from './rfc-client.js';
import { translateRfcError, type RfcCallContext } from './rfc-errors.js';

export interface RfcTransport {
  /** Calls the function module; failures arrive as typed custcode errors. */
  call(functionModule: string, parameters: Record<string, unknown>, context: Omit<RfcCallContext, 'secrets' | 'functionModule'>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
  readonly kind: 'client' | 'node-rfc';
}

/**
 * A caller's client is used as is and never closed by us (the caller owns it). Connection parameters open a
 * node-rfc client lazily on the first call and close it with the source.
 */
export function createRfcTransport(
  options: { client?: RfcClient; connectionParameters?: Record<string, string>; functionModule: string },
  importer?: () => Promise<NodeRfcModule>,
): RfcTransport {
  const secrets = [options.connectionParameters?.passwd, options.connectionParameters?.PASSWD].filter((value): value is string => !!value);
  let opening: Promise<RfcClient & { close?(): Promise<unknown> }> | undefined;

  async function client(context: RfcCallContext) {
    if (options.client) return options.client;
    opening ??= (async () => {
      const nodeRfc = await loadNodeRfc(importer);
      const opened = new nodeRfc.Client(options.connectionParameters ?? {});
      await opened.open();
      return opened;
    })().catch((error: unknown) => {
      opening = undefined;
      throw translateRfcError(error, context);
    });
    return opening;
  }

  return {
    kind: options.client ? 'client' : 'node-rfc',
    async call(functionModule, parameters, context) {
      // Read-only, always: the only module this transport calls is the configured read-table module.
      if (functionModule !== options.functionModule) {
        throw new ReadOnlyViolationError({
          message: `The SAP source only calls its read module ${options.functionModule}; ${functionModule} was refused before it ran.`,
          hint: 'custcode never writes to an ERP: change customers with SAP tools (BAPIs, LSMW, the migration cockpit).',
        });
      }
      const full = { ...context, functionModule, secrets };
      const target = await client(full);
      try {
        return ((await target.call(functionModule, parameters)) ?? {}) as Record<string, unknown>;
      } catch (error) {
        throw translateRfcError(error, full);
      }
    },
    async close() {
      if (!opening) return;
      const pending = opening;
      opening = undefined;
      const opened = await pending.catch(() => undefined);
      await opened?.close?.();
    },
  };
}
