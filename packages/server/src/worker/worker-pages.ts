import { parentPort } from 'node:worker_threads';
import { type Customer, CustcodeError } from '@custcode/core';
import type { FromWorker, ToWorker } from './worker-messages.js';

/**
 * The worker's side of the page protocol: pages arrive as messages (one more is asked for as each is
 * taken); `finish` sends the answer's bytes, or the error as plain data (a thread boundary drops its class).
 */
export function workerPages() {
  const port = parentPort!;
  const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const pages: Array<{ source: number; customers: Customer[] }> = [];
  let ended = false;
  let wake: (() => void) | undefined;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'page') pages.push({ source: message.source, customers: message.customers });
    else ended = true;
    wake?.();
  });

  async function* incoming(): AsyncGenerator<{ source: number; customers: Customer[] }> {
    for (;;) {
      const page = pages.shift();
      if (page !== undefined) {
        send({ type: 'next' });
        yield page;
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  }

  return {
    /** Every page, in the order the server read them. */
    pages: incoming,
    /** Every record of every source, in order. */
    async *records(): AsyncGenerator<Customer> {
      for await (const page of incoming()) yield* page.customers;
    },
    async finish(compute: () => Promise<string>): Promise<void> {
      try {
        const body = new TextEncoder().encode(await compute());
        send({ type: 'done', body }, [body.buffer as ArrayBuffer]);
      } catch (error) {
        send({ type: 'failed', error: CustcodeError.isInstance(error) ? error.toJSON() : { message: error instanceof Error ? error.message : String(error) } });
      }
    },
  };
}
