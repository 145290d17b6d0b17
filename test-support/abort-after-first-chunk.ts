import { request as httpRequest } from 'node:http';

/**
 * Asks for `url` and hangs up as soon as the first bytes arrive, as a browser tab closed mid-download;
 * resolves to the status and those bytes.
 */
export function abortAfterFirstChunk(url: string, headers: Record<string, string> = {}): Promise<{ status: number; chunk: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      response.once('data', (chunk: Buffer) => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, chunk });
      });
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.end();
  });
}
