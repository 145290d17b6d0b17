import type { Customer } from '@custcode/core';
import type { RawColumns } from '@custcode/core';
import type { Grant, MaskableField, MaskStyle } from './access-policy-schema.js';
import { DEFAULT_MASK_STYLES, maskValue } from './mask-value.js';

/** Field → style, resolved from a grant's `mask`. */
export type MaskRules = Partial<Record<MaskableField, MaskStyle>>;

export function maskRulesOf(mask: Grant['mask']): MaskRules {
  if (mask === undefined) return {};
  if (Array.isArray(mask)) return Object.fromEntries(mask.map((field) => [field, DEFAULT_MASK_STYLES[field]]));
  return { ...mask };
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : undefined);

/**
 * The record with masked fields and the `raw` columns that would give them away. A new object; the input
 * is not changed. Two nets: the columns the source declares for each field (`rawColumns`: another name
 * column, a mnemonic of the name, a mobile beside the phone) are masked in the field's style, or dropped
 * with `hide`, whatever they hold; then any other raw value containing the field's value is masked too.
 */
export function maskCustomer(customer: Customer, rules: MaskRules, rawColumns: RawColumns = {}): Customer {
  const entries = Object.entries(rules) as [MaskableField, MaskStyle][];
  if (entries.length === 0) return customer;
  const masked: Record<string, unknown> = { ...customer };
  const raw: Record<string, unknown> = { ...customer.raw };
  for (const [field, style] of entries) {
    for (const column of rawColumns[field] ?? []) {
      if (!Object.hasOwn(raw, column)) continue;
      const text = textOf(raw[column]);
      if (style === 'hide') delete raw[column];
      else if (text !== undefined && text.trim() !== '') raw[column] = maskValue(text.trim(), style);
    }
    const original = customer[field];
    if (original === undefined) continue;
    // `name` is required in a Customer: hiding it shows stars instead.
    const replacement = style === 'hide' ? (field === 'name' ? '****' : undefined) : maskValue(original, style);
    if (replacement === undefined) delete masked[field];
    else masked[field] = replacement;
    const needle = original.trim();
    if (needle === '') continue;
    for (const [column, value] of Object.entries(raw)) {
      const text = textOf(value);
      if (text === undefined || !text.includes(needle)) continue;
      if (replacement === undefined) delete raw[column];
      else raw[column] = text.trim() === needle ? replacement : text.split(needle).join(replacement);
    }
  }
  masked.raw = raw;
  return masked as Customer;
}
