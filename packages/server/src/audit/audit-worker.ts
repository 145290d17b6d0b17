import { workerData } from 'node:worker_threads';
import { audit, renderAuditHtml } from '@custcode/audit';
import { compileRule } from '@custcode/rules';
import { workerPages } from '../worker/worker-pages.js';
import type { AuditJob } from './audit-messages.js';

/**
 * The audit computed on a worker thread, so that the server's event loop stays free: pages of records
 * arrive as messages, the report leaves as bytes.
 */
const job = workerData as AuditJob;
const worker = workerPages();

void worker.finish(async () => {
  const report = await audit(worker.records(), {
    source: job.source,
    ...(job.rule === undefined ? {} : { rule: compileRule(job.rule) }),
    ...(job.nearDuplicates === undefined ? {} : { nearDuplicates: job.nearDuplicates }),
  });
  return job.format === 'html' ? renderAuditHtml(report, { lang: job.lang ?? 'en' }) : JSON.stringify(report);
});
