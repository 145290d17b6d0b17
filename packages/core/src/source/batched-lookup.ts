import type { Customer } from '../customer/customer-schema.js';
import { parseCodeInput } from '../code/normalize-code.js';
import { itemsOfBatches } from './items-of-batches.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import type { SourceContext } from './source-context.js';
import type { LookupOptions } from './v1/customer-query.js';
import type { LookupResult } from './v1/customer-source.js';

/**
 * Codes in arrays of up to `size`: a plain iterable (an array of 100k codes) is read without one await per
 * code, an async one as its codes arrive.
 */
async function* chunksOf(codes: Iterable<string> | AsyncIterable<string>, size: number): AsyncGenerator<string[]> {
  let chunk: string[] = [];
  if (typeof codes === 'object' && Symbol.asyncIterator in codes) {
    for await (const code of codes) {
      chunk.push(code);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  } else {
    for (const code of codes) {
      chunk.push(code);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** One reader lookup of stored codes: the first row of each stored code. */
export async function lookupBatch({ reader, retry, stored }: SourceContext, codes: string[], options: LookupOptions): Promise<Map<string, Customer>> {
  const found = new Map<string, Customer>();
  if (codes.length === 0) return found;
  // The org is checked as the org filter of a search is (no NUL, bounded length).
  const org = options.org === undefined ? undefined : parseCustomerQuery({ org: options.org }).org;
  const rows = await retry(() => reader.lookup(codes, org === undefined ? {} : { org }));
  for (const row of rows) {
    const key = stored(row.code);
    if (!found.has(key)) found.set(key, row);
  }
  return found;
}

/**
 * Answers for any number of codes, in input order, looked up in batches under the backend's limit; while
 * one batch is looked up the next one is read, and memory stays bounded by two batches.
 */
export function batchedLookup(context: SourceContext, codes: Iterable<string> | AsyncIterable<string>, options: LookupOptions = {}): AsyncIterableIterator<LookupResult> {
  return itemsOfBatches(answerBatches(context, codes, options));
}

/** The answers of `batchedLookup`, a batch at a time. */
async function* answerBatches(context: SourceContext, codes: Iterable<string> | AsyncIterable<string>, options: LookupOptions): AsyncGenerator<LookupResult[]> {
  const batchSize = context.capabilities.limits.lookupBatch;
  let pending: Array<{ code: string; key: string | undefined }> = [];
  let keys = new Set<string>();
  /** Starts the lookup of the codes read so far; its answers come in input order. */
  const startBatch = (): Promise<LookupResult[]> => {
    const batch = pending;
    const answers = lookupBatch(context, [...keys], options).then((found) =>
      batch.map((item) => ({ code: item.code, customer: item.key === undefined ? undefined : found.get(item.key) })),
    );
    // Failures surface where the batch is awaited (or not at all, once the caller has stopped).
    answers.catch(() => {});
    pending = [];
    keys = new Set();
    return answers;
  };
  // While a batch is still being looked up, the next one starts (as `search` prefetches its next page):
  // a server works on both at once. A batch already answered (a local, synchronous database) is handed
  // out first, so that only one batch of answers is held at a time.
  let previous: Promise<LookupResult[]> | undefined;
  let previousAnswered = false;
  for await (const chunk of chunksOf(codes, batchSize)) {
    for (const code of chunk) {
      const key = safeStoredKey(context, code);
      pending.push({ code, key });
      if (key !== undefined) keys.add(key);
      // Repeated codes do not grow the key set; bound the pending answers too, so memory stays constant.
      if (keys.size >= batchSize || pending.length >= batchSize * 8) {
        if (previous && previousAnswered) {
          yield await previous;
          previous = undefined;
        }
        const next = startBatch();
        if (previous) yield await previous;
        previous = next;
        previousAnswered = false;
        next.then(
          () => {
            if (next === previous) previousAnswered = true;
          },
          () => {},
        );
      }
    }
  }
  const last = pending.length > 0 ? startBatch() : undefined;
  if (previous) yield await previous;
  if (last) yield await last;
}

/** A malformed code in a batch is a miss, not a failure of the whole batch. */
function safeStoredKey({ stored }: SourceContext, code: string): string | undefined {
  try {
    return stored(parseCodeInput(code));
  } catch {
    return undefined;
  }
}
