import type { CustomerFilter, CustomerStatus } from '@custcode/core';

// Small helpers of core's match-filter that core does not export.

/** True when `text` looks like a pinyin-initials query (ASCII letters only), as in core. */
export function isPinyinQuery(text: string): boolean {
  return /^[a-z]+$/i.test(text);
}

export function statusListOf(status: CustomerFilter['status']): CustomerStatus[] | undefined {
  if (status === undefined) return undefined;
  return Array.isArray(status) ? status : [status];
}
