import { createRandom, type Random } from './random.js';
import { companyParts, DISTINCT_COMPANIES, sampleCompany, type CompanyParts } from './sample-company.js';
import type { SeedCustomer } from '@custcode/core/fixtures';

const FIRST_DAY = Date.UTC(2015, 0, 1);
/** 2015-01-01 … 2024-12-31. */
const DAYS = 3_653;
const two = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
let dayCache: string[] | undefined;

/** `YYYY-MM-DD` of day `index` after 2015-01-01, cached (formatting dates dominated the cost of 1M rows). */
function dayString(index: number): string {
  dayCache ??= Array.from({ length: DAYS + 400 }, (_, day) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10));
  return dayCache[Math.min(index, dayCache.length - 1)]!;
}

const dateTime = (random: Random, day: number) => `${dayString(day)}T${two[8 + random.int(11)]}:${two[random.int(60)]}:${two[random.int(60)]}`;

/** Share of companies with Latin names (overseas customers). */
const LATIN_EVERY = 50;
const COMPANY_STRIDE = 7_919;

export interface SampleSequence {
  /** The numbering rule of the generated codes, e.g. `KH{YYYY}{seq:4}`. */
  readonly rule: string;
  readonly seqWidth: number;
  /** The next customer in creation order; `skip` serials of its year are left unused first (a gap). */
  next(skip?: number): SeedCustomer;
  /** A customer outside the numbering (code given by the caller), with a fresh, unique company. */
  extra(code: string): SeedCustomer;
  /** The serials `next(skip)` left unused, or undefined (no skip, or the year changed so nothing was skipped). */
  readonly lastGap: { prefix: string; from: number; to: number } | undefined;
  /** How the last company's name was built (for planting near-duplicates of it). */
  readonly lastParts: CompanyParts | undefined;
  readonly random: Random;
}

/**
 * Customers in creation order: `KH` + creation year + a per-year serial, dates spread evenly over
 * 2015–2024, each company distinct (up to about 38,000) so that only planted problems look alike.
 */
export function createSampleSequence(count: number, seed: number): SampleSequence {
  const random = createRandom(seed);
  const seqWidth = Math.max(4, String(Math.ceil(count * 0.11) + 10).length);
  const companyOffset = random.int(DISTINCT_COMPANIES);
  // Each seed its own block of tax serials: samples of different seeds (the demo's ERPs) share a tax id only
  // where they share a customer on purpose (shareCustomers), never by accident.
  const taxSerialBase = 10_000_000 + (seed % 80) * 1_000_000;
  let index = 0;
  let companies = 0;
  let year = '';
  let serial = 0;
  let lastGap: SampleSequence['lastGap'];
  let lastParts: CompanyParts | undefined;

  function company(code: string, day: number): SeedCustomer {
    const k = companies++;
    const latinOrdinal = k % LATIN_EVERY === 7 && k < LATIN_EVERY * 240 ? Math.floor(k / LATIN_EVERY) : -1;
    const parts = companyParts(random, (k * COMPANY_STRIDE + companyOffset) % DISTINCT_COMPANIES, latinOrdinal);
    lastParts = parts;
    const customer = sampleCompany(random, parts, code, taxSerialBase + k);
    customer.createdAt = dateTime(random, day);
    if (random.chance(0.75)) customer.updatedAt = dateTime(random, day + 1 + random.int(400));
    return customer;
  }

  return {
    rule: `KH{YYYY}{seq:${seqWidth}}`,
    seqWidth,
    random,
    get lastGap() {
      return lastGap;
    },
    get lastParts() {
      return lastParts;
    },
    next(skip = 0) {
      const day = Math.floor((index++ * DAYS) / Math.max(count, 1));
      const customerYear = dayString(day).slice(0, 4);
      lastGap = undefined;
      if (customerYear !== year) {
        year = customerYear;
        serial = 0;
      } else if (skip > 0) {
        lastGap = { prefix: `KH${year}`, from: serial + 1, to: serial + skip };
        serial += skip;
      }
      serial += 1;
      return company(`KH${year}${String(serial).padStart(seqWidth, '0')}`, day);
    },
    extra(code) {
      return company(code, random.int(DAYS));
    },
  };
}

/**
 * `count` clean sample customers (no planted problems), generated lazily: constant memory, about a
 * million rows in a few seconds. Deterministic for a given `seed`. Used by the bench to fill tables.
 */
export function* sampleCustomerStream(count: number, seed = 1): Generator<SeedCustomer> {
  const sequence = createSampleSequence(count, seed);
  for (let produced = 0; produced < count; produced++) yield sequence.next();
}
