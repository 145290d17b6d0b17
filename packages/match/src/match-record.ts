import { looksMasked, type MaskableField } from '@custcode/access';
import { companyNameKey, pinyinKey } from '@custcode/audit';
import type { Customer } from '@custcode/core';
import { type TaxKeys, taxKeysOf } from './tax-keys.js';

/** A customer as matching reads it: masked values dropped, every comparison key computed once. */
export interface MatchRecord {
  index: number;
  source: string;
  code: string;
  org: string;
  /** `source:code@org` (recordLabel), made once: golden fields and links name the record by it. */
  label: string;
  /** The record as the caller may see it, masked fields removed (golden records and review lists show these). */
  customer: Customer;
  /** companyNameKey's core ('' when the name is masked or empty). */
  nameCore: string;
  place: string | null;
  pinyin: string;
  tax: TaxKeys;
  phone: string;
  address: string;
  category: string;
  region: string;
}

const TEXT_FIELDS = ['name', 'shortName', 'taxId', 'phone', 'contact', 'address'] as const satisfies readonly MaskableField[];

/** The customer without the fields masked for the caller, and without values that look masked (a second net). */
export function visibleCustomer(customer: Customer, masked: ReadonlySet<string>): Customer {
  const visible: Customer = { ...customer };
  for (const field of TEXT_FIELDS) {
    const value = visible[field];
    if (masked.has(field) || (typeof value === 'string' && looksMasked(value))) {
      if (field === 'name') visible.name = '';
      else delete visible[field];
    }
  }
  // raw may carry masked values in other columns; matching never reads it and no output shows it.
  visible.raw = {};
  return visible;
}

const compatibility = /[\u3000\uFF00-\uFFEF]/;
const nfkc = (text: string) => (compatibility.test(text) ? text.normalize('NFKC') : text);

/**
 * The phone as compared: digits only, the country code 86 dropped, a mobile number (1[3-9] + 9 digits)
 * reduced to its 11 digits, a landline's leading trunk 0 dropped, only the first number of a list (`010-1234567 / 139…`); '' when shorter than 7
 * digits or one digit repeated.
 */
export function phoneKey(phone: string | undefined): string {
  if (!phone) return '';
  const first = nfkc(phone).split(/[/,;，；、]|转|ext/i)[0] ?? '';
  let digits = first.replace(/\D/g, '');
  if (/^(?:00)?86\d{9,}$/.test(digits)) digits = digits.replace(/^(?:00)?86/, '');
  const mobile = /1[3-9]\d{9}$/.exec(digits);
  // A landline's trunk 0 is written inside China and dropped after +86: 010-6523… and +86 10 6523… are one number.
  digits = mobile && digits.length <= 12 ? mobile[0] : digits.replace(/^0+/, '');
  // Placeholders (00000000, 1111111) are shared by unrelated customers.
  return digits.length >= 7 && !/^(\d)\1*$/.test(digits) ? digits : '';
}

/** The address as compared: NFKC, lower case, no spaces or punctuation, a leading 中国 dropped. */
export function addressKey(address: string | undefined): string {
  if (!address) return '';
  return nfkc(address).toLowerCase().replace(/[\s.,，。、'"()（）#\-_/·]+/g, '').replace(/^中国/, '');
}

export function toMatchRecord(index: number, source: string, customer: Customer, masked: ReadonlySet<string>): MatchRecord {
  const visible = visibleCustomer(customer, masked);
  const name = companyNameKey(visible.name);
  const org = customer.org ?? '';
  return {
    index,
    source,
    code: customer.code,
    org,
    label: recordLabel({ source, code: customer.code, org }),
    customer: visible,
    nameCore: name.core,
    place: name.place,
    pinyin: name.core === '' ? '' : pinyinKey(name.core),
    tax: taxKeysOf(visible.taxId),
    phone: phoneKey(visible.phone),
    address: addressKey(visible.address),
    category: (visible.category ?? '').trim(),
    region: (visible.region ?? '').trim(),
  };
}

/** `source:code`, with `@org` when the record has one: how outputs name a record. */
export function recordLabel(record: { source: string; code: string; org: string }): string {
  return `${record.source}:${record.code}${record.org === '' ? '' : `@${record.org}`}`;
}

/** A map key for a record reference. */
export function recordKey(record: { source: string; code: string; org: string }): string {
  return `${record.source}\u0000${record.code}\u0000${record.org}`;
}
