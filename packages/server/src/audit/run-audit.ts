import { type Customer } from '@custcode/core';
import { pagesOf } from '@custcode/core/adapter';
import { createWorkerRunner, type SourcePage } from '../worker/run-on-worker.js';
import type { AuditBudget } from './audit-budget.js';
import type { AuditJob } from './audit-messages.js';

const AUDIT_WORKER = { script: 'audit-worker', entry: new URL('./audit-worker.ts', import.meta.url), noun: 'audit', plural: 'audits', option: 'auditBudget', smaller: 'Audit a smaller source' };

async function* pagesOfSource(customers: AsyncIterable<Customer>): AsyncGenerator<SourcePage> {
  for await (const page of pagesOf(customers)) yield { source: 0, customers: page };
}

/** Runs audits on worker threads within a budget: at most `concurrency` at once, each bounded in records, time and heap. */
export function createAuditRunner(budget: AuditBudget) {
  const runner = createWorkerRunner(AUDIT_WORKER, budget);
  return {
    /** The report as bytes (JSON or HTML). Reads `customers` here, audits on a worker; stops reading when a limit is passed. */
    run: (customers: AsyncIterable<Customer>, job: AuditJob): Promise<Uint8Array> => runner.run(pagesOfSource(customers), job),
  };
}
