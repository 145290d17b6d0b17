import { toIsoDateTime } from '@custcode/core';

// The same bounds core's matchesFilter uses (core/src/customer/iso-date.ts keeps its own copy internal;
// see README: core should export filterStart/filterEndExclusive and this file should go).

/** Lower bound of a date filter as an ISO local date-time. */
export function filterStart(date: string): string {
  return toIsoDateTime(date) ?? date;
}

/** Upper bound of an inclusive `createdTo`: a bare date includes that whole day (exclusive next midnight). */
export function filterEndExclusive(date: string): { value: string; inclusive: boolean } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { value: toIsoDateTime(next)!, inclusive: false };
  }
  return { value: filterStart(date), inclusive: true };
}
