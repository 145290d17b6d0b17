import { Worker } from 'node:worker_threads';
import { type Customer } from '@custcode/core';
import { BudgetExceededError, ServerBusyError } from '../http-error.js';
import type { AuditBudget } from '../audit/audit-budget.js';
import type { FromWorker } from './worker-messages.js';
import { reportedError } from '../audit/worker-audit-error.js';

/** Pages posted to the worker before it asks for more: one being computed, one waiting. */
const PAGES_AHEAD = 2;

/** A page of records for the worker, with the index of the source it came from (0 when there is one). */
export interface SourcePage {
  source: number;
  customers: Customer[];
}

/** What a kind of heavy request is called in its errors, and which worker script computes it. */
export interface WorkerKind {
  /** The script's name beside the built index (`audit-worker`), and its TypeScript entry for the tests. */
  script: string;
  entry: URL;
  /** `audit`, `match`: in "The audit took longer…". */
  noun: string;
  plural: string;
  /** The server option holding the budget (`auditBudget`). */
  option: string;
  /** First words of every hint (`Audit a smaller source`). */
  smaller: string;
}

/**
 * Built JavaScript starts the worker file beside it. Run from the TypeScript sources (this repository's
 * tests), the test support bundles the worker's TypeScript entry first.
 */
async function startWorker(kind: WorkerKind, job: unknown, memoryMb: number): Promise<Worker> {
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${kind.script}.js`, import.meta.url), options);
  const support = new URL('../../../../test-support/worker-bundle.mjs', import.meta.url).href;
  const { bundledWorker } = (await import(support)) as { bundledWorker(entry: string): Promise<string> };
  return new Worker(new URL(await bundledWorker(kind.entry.href)), options);
}

/**
 * Runs a kind of heavy request on worker threads within a budget: at most `concurrency` at once, each
 * bounded in records, time and heap, so that no request can stop the server or starve the others.
 */
export function createWorkerRunner(kind: WorkerKind, budget: AuditBudget) {
  let running = 0;
  return {
    /** The answer as bytes. Reads `pages` here (through the guard), computes on a worker; stops reading when a limit is passed. */
    async run(pages: AsyncIterable<SourcePage>, job: unknown): Promise<Uint8Array> {
      if (running >= budget.concurrency) {
        throw new ServerBusyError({ message: `${budget.concurrency} ${kind.plural} are running; the server computes at most ${budget.concurrency} at once.`, hint: 'Retry in a moment.', retryable: true });
      }
      running += 1;
      try {
        return await computeOnWorker(kind, pages, job, budget);
      } finally {
        running -= 1;
      }
    },
  };
}

async function computeOnWorker(kind: WorkerKind, pages: AsyncIterable<SourcePage>, job: unknown, budget: AuditBudget): Promise<Uint8Array> {
  const worker = await startWorker(kind, job, budget.memoryMb);
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
    const timer = setTimeout(() => fail(new BudgetExceededError({ message: `The ${kind.noun} took longer than ${budget.timeoutMs / 1000} s, the server's time budget for one ${kind.noun}.`, hint: `${kind.smaller}, or ask the administrator to raise ${kind.option}.timeoutMs.` })), budget.timeoutMs);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'next') {
        credits += 1;
        onCredit?.();
      } else if (message.type === 'done') finish(() => resolve(message.body));
      else fail(reportedError(message.error));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new BudgetExceededError({ message: `The ${kind.noun} needed more than ${budget.memoryMb} MB, the server's memory budget for one ${kind.noun}.`, hint: `${kind.smaller}, or ask the administrator to raise ${kind.option}.memoryMb.` })
        : new Error(error.message));
    });
    worker.on('exit', () => fail(new Error(`The ${kind.noun} worker stopped before it finished.`)));

    // Reads here (the guard masks, filters and logs on this thread) and hands pages over as the worker takes them.
    void (async () => {
      let records = 0;
      for await (const page of pages) {
        if (settled) break;
        records += page.customers.length;
        if (records > budget.maxRecords) {
          fail(new BudgetExceededError({ message: `The ${kind.noun} reads more than ${budget.maxRecords.toLocaleString('en-US')} records, the server's budget for one ${kind.noun}.`, hint: `${kind.smaller}, or ask the administrator to raise ${kind.option}.maxRecords.` }));
          break;
        }
        while (credits === 0 && !settled) await new Promise<void>((wake) => (onCredit = wake));
        if (settled) break;
        credits -= 1;
        worker.postMessage({ type: 'page', source: page.source, customers: page.customers });
      }
      if (!settled) worker.postMessage({ type: 'end' });
    })().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  });
}
