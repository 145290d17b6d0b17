import { parseCodeInput } from '../code/normalize-code.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import type { SourceContext } from './source-context.js';
import type { CustomerRevision, RevisionOptions } from './v1/customer-source.js';

/**
 * `CustomerSource.revisions` over a reader that has them: codes normalised to the stored form (duplicates
 * once), `since` and `org` checked as search filters are, and the reader asked in batches of `lookupBatch`.
 */
export async function customerRevisions(context: SourceContext, codes: Iterable<string>, options: RevisionOptions): Promise<CustomerRevision[]> {
  const { reader } = context;
  if (!reader.revisions) return [];
  const { updatedSince: since, org } = parseCustomerQuery({ updatedSince: options.since, ...(options.org === undefined ? {} : { org: options.org }) });
  const keys = [...new Set([...codes].map((code) => context.stored(parseCodeInput(code))))];
  const size = context.capabilities.limits.lookupBatch;
  const revisions: CustomerRevision[] = [];
  for (let start = 0; start < keys.length; start += size) {
    const batch = keys.slice(start, start + size);
    revisions.push(...(await context.retry(() => reader.revisions!(batch, { since: since!, ...(org === undefined ? {} : { org }) }))));
  }
  return revisions;
}
