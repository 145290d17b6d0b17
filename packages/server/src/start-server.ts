import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { CustcodeApp } from './create-app.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on `host:port` (port 0 picks a free one); `close` stops listening and closes the sources.
 * The XLSX writer (exceljs) is loaded first: loading it blocks for a second or more, which must not
 * happen in the middle of serving the first XLSX export.
 */
export async function startServer(custcode: CustcodeApp, options: { port: number; host: string }): Promise<RunningServer> {
  await import('@custcode/export/xlsx');
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: custcode.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await custcode.close();
        },
      });
    });
    server.once('error', reject);
  });
}
