import { workerData } from 'node:worker_threads';
import type { Customer } from '@custcode/core';
import { match, renderMatchHtml } from '@custcode/match';
import { workerPages } from '../worker/worker-pages.js';
import type { MatchJob } from './match-job.js';

/**
 * A match computed on a worker thread: the server's event loop stays free, and a match that needs more
 * heap than its budget ends the match, not the server. Pages arrive tagged with their source.
 */
const job = workerData as MatchJob;
const worker = workerPages();

void worker.finish(async () => {
  const customers: Customer[][] = job.sources.map(() => []);
  for await (const page of worker.pages()) for (const customer of page.customers) customers[page.source]!.push(customer);
  const result = await match(job.sources.map((source, index) => ({ name: source.name, customers: customers[index]!, masked: source.masked })), job.options);
  if (job.format === 'html') return renderMatchHtml(result);
  const { summary, links, golden, review } = result;
  return JSON.stringify({ summary, links, golden, review: review.slice(0, job.reviewLimit) });
});
