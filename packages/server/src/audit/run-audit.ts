import { Worker } from 'node:worker_threads';
import { type Customer } from '@custcode/core';
import { pagesOf } from '@custcode/core/adapter';
import { BudgetExceededError, ServerBusyError } from '../http-error.js';
import type { AuditBudget } from './audit-budget.js';
import type { AuditJob, FromWorker } from './audit-messages.js';
import { reportedError } from './worker-audit-error.js';

/** Pages posted to the worker before it asks for more: one being audited, one waiting. */
const PAGES_AHEAD = 2;

/**
 * Built JavaScript starts the worker file beside it. Run from the TypeScript sources (this repository's
 * tests), the test support bundles the worker's TypeScript entry first.
 */
async function startWorker(job: AuditJob, memoryMb: number): Promise<Worker> {
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./audit-worker.js', import.meta.url), options);
  const support = new URL('../../../../test-support/worker-bundle.mjs', import.meta.url).href;
  const { bundledWorker } = (await import(support)) as { bundledWorker(entry: string): Promise<string> };
  return new Worker(new URL(await bundledWorker(new URL('./audit-worker.ts', import.meta.url).href)), options);
}

/** Runs audits on worker threads within a budget: at most `concurrency` at once, each bounded in records, time and heap. */
export function createAuditRunner(budget: AuditBudget) {
  let running = 0;
  return {
    /** The report as bytes (JSON or HTML). Reads `customers` here, audits on a worker; stops reading when a limit is passed. */
    async run(customers: AsyncIterable<Customer>, job: AuditJob): Promise<Uint8Array> {
      if (running >= budget.concurrency) {
        throw new ServerBusyError({ message: `${budget.concurrency} audits are running; the server computes at most ${budget.concurrency} at once.`, hint: 'Retry in a moment.', retryable: true });
      }
      running += 1;
      try {
        return await auditOnWorker(customers, job, budget);
      } finally {
        running -= 1;
      }
    },
  };
}

async function auditOnWorker(customers: AsyncIterable<Customer>, job: AuditJob, budget: AuditBudget): Promise<Uint8Array> {
  const worker = await startWorker(job, budget.memoryMb);
  let credits = PAGES_AHEAD;
  let onCredit: (() => void) | undefined;
  let settled = false;
  return new Promise<Uint8Array>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      onCredit?.();
      void worker.terminate();
      outcome();
    };
    const fail = (error: Error) => finish(() => reject(error));
    const timer = setTimeout(() => fail(new BudgetExceededError({ message: `The audit took longer than ${budget.timeoutMs / 1000} s, the server's time budget for one audit.`, hint: 'Audit a smaller source, or ask the administrator to raise auditBudget.timeoutMs.' })), budget.timeoutMs);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'next') {
        credits += 1;
        onCredit?.();
      } else if (message.type === 'done') finish(() => resolve(message.body));
      else fail(reportedError(message.error));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new BudgetExceededError({ message: `The audit needed more than ${budget.memoryMb} MB, the server's memory budget for one audit.`, hint: 'Audit a smaller source, or ask the administrator to raise auditBudget.memoryMb.' })
        : new Error(error.message));
    });
    worker.on('exit', () => fail(new Error('The audit worker stopped before it finished.')));

    // Reads here (the guard masks, filters and logs on this thread) and hands pages over as the worker takes them.
    void (async () => {
      let records = 0;
      for await (const page of pagesOf(customers)) {
        if (settled) break;
        records += page.length;
        if (records > budget.maxRecords) {
          fail(new BudgetExceededError({ message: `The audit reads more than ${budget.maxRecords.toLocaleString('en-US')} records, the server's budget for one audit.`, hint: 'Audit a smaller source, or ask the administrator to raise auditBudget.maxRecords.' }));
          break;
        }
        while (credits === 0 && !settled) await new Promise<void>((wake) => (onCredit = wake));
        if (settled) break;
        credits -= 1;
        worker.postMessage({ type: 'page', customers: page });
      }
      if (!settled) worker.postMessage({ type: 'end' });
    })().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  });
}
