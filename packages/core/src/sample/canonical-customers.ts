import type { CustomerStatus } from '../customer/customer-schema.js';
import {
  CANONICAL_CATEGORIES,
  CANONICAL_REGIONS,
  GIVEN_NAMES,
  INDUSTRIES,
  LATIN_CONTACTS,
  LATIN_INDUSTRIES,
  LATIN_NAMES,
  LATIN_SUFFIXES,
  LEGAL_SUFFIXES,
  OVERSEAS_REGION,
  SURNAMES,
  TRADE_NAMES,
  pick,
} from './canonical-parts.js';
import { canonicalSpecialCustomers } from './canonical-special-customers.js';
import type { SeedCustomer } from './seed-customer.js';
import { breakUsccCheck, makeUscc } from './tax-id.js';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A zone-less local date-time `days` days and `minutes` minutes after 2019-01-01 00:00:00. */
export function canonicalDate(days: number, minutes = 0): string {
  const date = new Date(Date.UTC(2019, 0, 1) + days * 86_400_000 + minutes * 60_000);
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

const statusOf = (index: number): CustomerStatus => (index % 11 === 3 ? 'blocked' : index % 13 === 5 ? 'deleted' : 'active');

function orgPlacement(index: number): Pick<SeedCustomer, 'org' | 'alsoIn'> {
  const org = index % 10 < 7 ? 'ORG1' : index % 10 < 9 ? 'ORG2' : 'ORG3';
  if (org === 'ORG1' && index % 17 === 0) return { org, alsoIn: ['ORG2', 'ORG3'] };
  if (org === 'ORG1' && index % 9 === 0) return { org, alsoIn: ['ORG2'] };
  return { org };
}

function phoneOf(index: number): string | undefined {
  if (index % 19 === 4) return undefined;
  const serial = pad((index * 7_919) % 10_000, 4);
  switch (index % 4) {
    case 0:
      return `010-6${pad(index % 1000, 3)}${serial}`;
    case 1:
      return `138${pad(index % 10_000, 4)}${serial}`;
    case 2:
      return `0755-8${pad(index % 100, 2)}${serial}`;
    default:
      return `+86 21 5${pad(index % 1000, 3)} ${serial}`;
  }
}

const chineseContact = (index: number) => `${pick(SURNAMES, index * 7)}${pick(GIVEN_NAMES, index * 5 + 1)}`;

/** Dates, tax id and phone shared by every generated record. */
function commonFields(index: number, district: string): Omit<SeedCustomer, 'code' | 'name' | 'status'> {
  const created = canonicalDate(index * 9 + (index % 5), (index * 37) % 1440);
  const taxId = index % 8 === 7 ? undefined : index % 29 === 11 ? breakUsccCheck(makeUscc(district, 10_000 + index * 7_919)) : makeUscc(district, 10_000 + index * 7_919);
  const phone = phoneOf(index);
  return {
    ...(taxId === undefined ? {} : { taxId }),
    ...(phone === undefined ? {} : { phone }),
    createdAt: created,
    ...(index % 6 === 0 ? {} : { updatedAt: canonicalDate(index * 9 + (index % 5) + (index % 40) * 3 + 1, (index * 53) % 1440) }),
    ...orgPlacement(index),
  };
}

/** 120 Chinese companies with KH + year-month + serial codes (`KH2023010001`). */
function khCustomers(): SeedCustomer[] {
  const months = ['202301', '202306', '202311', '202401', '202402', '202403'];
  return Array.from({ length: 120 }, (_, index) => {
    const region = pick(CANONICAL_REGIONS, index);
    const trade = pick(TRADE_NAMES, index);
    const [industry, industryShort] = pick(INDUSTRIES, index * 7);
    return {
      code: `KH${months[Math.floor(index / 20)]}${pad((index % 20) + 1, 4)}`,
      name: `${region.city}${trade}${industry}${pick(LEGAL_SUFFIXES, index)}`,
      shortName: `${trade}${industryShort}${region.city}`,
      contact: chineseContact(index),
      address: `${region.city}市${pick(region.streets, index)}${(index % 300) + 1}号`,
      category: pick(CANONICAL_CATEGORIES, index % 3 === 0 ? 1 : index % 7 === 0 ? 4 : 0),
      region: { code: region.code, name: region.name },
      status: statusOf(index),
      ...commonFields(index, region.district),
    };
  });
}

/** 40 customers with short numeric codes (`1000`…): SAP stores them zero-padded to 10. */
function numericCustomers(): SeedCustomer[] {
  return Array.from({ length: 40 }, (_, offset) => {
    const index = 200 + offset;
    const region = pick(CANONICAL_REGIONS, offset * 5);
    const trade = pick(TRADE_NAMES, offset * 3 + 1);
    const [industry, industryShort] = pick(INDUSTRIES, offset);
    return {
      code: String(1000 + offset),
      name: `${trade}${industry}（${region.city}）${pick(LEGAL_SUFFIXES, offset + 1)}`,
      ...(offset % 10 === 9 ? {} : { shortName: `${region.name}${trade}${industryShort}${pad(offset)}` }),
      contact: chineseContact(index),
      ...(offset % 7 === 6 ? {} : { address: `${region.city}市${pick(region.streets, offset)}${offset + 10}号` }),
      category: pick(CANONICAL_CATEGORIES, offset % 4),
      region: { code: region.code, name: region.name },
      status: statusOf(index),
      ...commonFields(index, region.district),
    };
  });
}

/** 20 customers whose codes are stored with leading zeros (`0000012345`), as exported from SAP. */
function zeroPaddedCustomers(): SeedCustomer[] {
  return Array.from({ length: 20 }, (_, offset) => {
    const index = 300 + offset;
    const region = pick(CANONICAL_REGIONS, offset + 2);
    const trade = pick(TRADE_NAMES, offset * 11 + 5);
    return {
      code: pad(12_345 + offset * 3, 10),
      name: `${region.city}市${trade}商贸${pick(LEGAL_SUFFIXES, offset + 2)}`,
      shortName: `${trade}商贸${pad(offset)}`,
      contact: chineseContact(index),
      category: pick(CANONICAL_CATEGORIES, offset % 2),
      region: { code: region.code, name: region.name },
      status: statusOf(index),
      ...commonFields(index, region.district),
    };
  });
}

/** 30 overseas customers with alphanumeric codes (`C-100`…) and Latin names. */
function latinCustomers(): SeedCustomer[] {
  return Array.from({ length: 30 }, (_, offset) => {
    const index = 400 + offset;
    const brand = pick(LATIN_NAMES, offset);
    const { taxId: _taxId, ...common } = commonFields(index, '310115');
    return {
      code: `C-${100 + offset}`,
      name: `${brand} ${pick(LATIN_INDUSTRIES, offset * 5)} ${pick(LATIN_SUFFIXES, offset)}`,
      shortName: `${brand.toUpperCase().replace(/\W/g, '').slice(0, 7)}${pad(offset)}`,
      contact: pick(LATIN_CONTACTS, offset),
      address: `${(offset % 90) + 10} ${pick(['Harbour Road', 'Orchard Road', 'Main Street'], offset)}, ${pick(['Hong Kong', 'Singapore', 'Hamburg'], offset)}`,
      category: pick(CANONICAL_CATEGORIES, 2),
      region: OVERSEAS_REGION,
      status: statusOf(index),
      ...common,
      ...(offset % 5 === 0 ? {} : { phone: `+852 2${pad(offset, 3)} ${pad(offset * 37, 4)}` }),
    };
  });
}

/**
 * The canonical conformance data set: every adapter's seeder writes these customers into its ERP's real
 * tables, and every adapter must then give the same answers. Deterministic; about 230 customers with
 * Chinese and Latin names, blocked and deleted ones, three orgs (some customers distributed to more),
 * codes in several formats, LIKE wildcards and quotes in names, duplicate-looking companies and a few
 * invalid tax ids. Codes are unique even case-insensitively and after SAP ALPHA conversion.
 */
export function canonicalCustomers(): SeedCustomer[] {
  return [...khCustomers(), ...numericCustomers(), ...zeroPaddedCustomers(), ...latinCustomers(), ...canonicalSpecialCustomers()];
}
