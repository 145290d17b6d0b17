import { parentPort, workerData } from 'node:worker_threads';
import { audit, renderAuditHtml } from '@custcode/audit';
import { compileRule } from '@custcode/rules';
import { type Customer, CustcodeError } from '@custcode/core';
import type { AuditJob, FromWorker, ToWorker } from './audit-messages.js';

/**
 * The audit computed on a worker thread, so that the server's event loop stays free: pages of records
 * arrive as messages (one more is asked for as each is taken), the report leaves as bytes.
 */
const port = parentPort!;
const job = workerData as AuditJob;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const pages: Customer[][] = [];
let ended = false;
let wake: (() => void) | undefined;
port.on('message', (message: ToWorker) => {
  if (message.type === 'page') pages.push(message.customers);
  else ended = true;
  wake?.();
});

async function* records(): AsyncGenerator<Customer> {
  for (;;) {
    const page = pages.shift();
    if (page !== undefined) {
      send({ type: 'next' });
      yield* page;
    } else if (ended) {
      return;
    } else {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
}

async function run(): Promise<void> {
  try {
    const report = await audit(records(), {
      source: job.source,
      ...(job.rule === undefined ? {} : { rule: compileRule(job.rule) }),
      ...(job.nearDuplicates === undefined ? {} : { nearDuplicates: job.nearDuplicates }),
    });
    const body = new TextEncoder().encode(job.format === 'html' ? renderAuditHtml(report, { lang: job.lang ?? 'en' }) : JSON.stringify(report));
    send({ type: 'done', body }, [body.buffer as ArrayBuffer]);
  } catch (error) {
    send({ type: 'failed', error: CustcodeError.isInstance(error) ? error.toJSON() : { message: error instanceof Error ? error.message : String(error) } });
  }
}

void run();
