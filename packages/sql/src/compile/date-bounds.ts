import { toIsoDateTime } from '@custcode/core';

// The same bounds as core's match-filter (customer/iso-date.ts), which core does not export.

/** Lower bound of a date filter as an ISO local date-time. */
export function filterStart(date: string): string {
  return toIsoDateTime(date) ?? date;
}

/** Exclusive upper bound for an inclusive `createdTo`: a bare date includes that whole day. */
export function filterEndExclusive(date: string): { value: string; inclusive: boolean } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { value: toIsoDateTime(next)!, inclusive: false };
  }
  return { value: filterStart(date), inclusive: true };
}
