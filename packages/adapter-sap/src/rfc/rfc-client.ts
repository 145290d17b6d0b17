/**
 * The part of node-rfc's `Client` this adapter uses: an open client, a pool-acquired client or a test double
 * (such as the emulator) all fit.
 */
export interface RfcClient {
  call(functionModule: string, parameters: Record<string, unknown>): Promise<unknown>;
}

/** What node-rfc's module exports that we use (typed here so the package compiles without node-rfc). */
export interface NodeRfcModule {
  Client: new (connectionParameters: Record<string, string>) => RfcClient & { open(): Promise<unknown>; close(): Promise<unknown> };
}

/** Fields node-rfc puts on the errors it rejects with (RfcLibError, ABAPError). */
export interface RfcErrorShape {
  name?: string;
  code?: number;
  codeString?: string;
  key?: string;
  message?: string;
}
