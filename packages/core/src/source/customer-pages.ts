import type { Customer } from '../customer/customer-schema.js';

/**
 * A `search()` stream can also be read page by page: writers that handle a whole page at once (CSV,
 * the access guard) skip one async step per row, which is most of the cost of a 1M-row export.
 * `Symbol.for`, so the ESM and CJS builds of core recognise each other's streams.
 */
export const CUSTOMER_PAGES: unique symbol = Symbol.for('custcode.customerPages') as never;

/** A customer stream that also offers its pages; reading one way or the other, not both. */
export interface PagedCustomers extends AsyncGenerator<Customer> {
  [CUSTOMER_PAGES](): AsyncGenerator<Customer[]>;
}

/** Rows per page when a plain stream is grouped (`pagesOf`). */
const DEFAULT_PAGE = 1000;

/**
 * The row stream of a page producer; `pages` is called once, by whichever way the stream is read.
 * `delivered` hears how many records were handed to the reader (a row, or a whole page), before it gets them.
 */
export function pagedStream(pages: () => AsyncGenerator<Customer[]>, delivered?: (count: number) => void): PagedCustomers {
  async function* rows(): AsyncGenerator<Customer> {
    for await (const page of pages()) {
      for (const customer of page) {
        delivered?.(1);
        yield customer;
      }
    }
  }
  async function* counted(): AsyncGenerator<Customer[]> {
    for await (const page of pages()) {
      delivered?.(page.length);
      yield page;
    }
  }
  return Object.assign(rows(), { [CUSTOMER_PAGES]: delivered ? counted : pages });
}

/**
 * The pages of a customer stream: a paged stream's own pages, or rows grouped up to `size` per page.
 * Empty pages are never yielded.
 */
export async function* pagesOf(customers: AsyncIterable<Customer>, size = DEFAULT_PAGE): AsyncGenerator<Customer[]> {
  const paged = (customers as Partial<PagedCustomers>)[CUSTOMER_PAGES];
  if (typeof paged === 'function') {
    for await (const page of paged.call(customers)) if (page.length > 0) yield page;
    return;
  }
  let page: Customer[] = [];
  for await (const customer of customers) {
    page.push(customer);
    if (page.length >= size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
