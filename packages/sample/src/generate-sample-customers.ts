import { ConfigError } from '@custcode/core';
import { GARBLE_KINDS, garble } from './garble.js';
import { emptyPlantedProblems, type DuplicateVariant, type PlantedProblems } from './planted-problems.js';
import { plantNearDuplicate } from './plant-near-duplicate.js';
import type { Random } from './random.js';
import { createSampleSequence, type SampleSequence } from './sample-sequence.js';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { breakUsccCheck, makeUscc } from '@custcode/core/fixtures';

export interface SampleOptions {
  count: number;
  /** Same seed, same data. Default 1. */
  seed?: number;
  /** Plant known anomalies and return them as `planted` (needs count ≥ 200). */
  problems?: boolean;
}

export interface SampleData {
  customers: SeedCustomer[];
  /** The numbering rule the clean codes follow, e.g. `KH{YYYY}{seq:4}`. */
  rule: string;
  planted: PlantedProblems;
}

const DUPLICATE_VARIANTS: DuplicateVariant[] = ['case', 'full-width', 'spaces', 'leading-zeros'];
const fullWidth = (text: string) => text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * Realistic sample customers for the demo, the audit tests and benchmarks: Chinese companies
 * (city + 字号 + industry + legal form) and some Latin ones, valid USCC tax ids, phones, contacts,
 * addresses, classes, regions, three orgs, dates 2015–2024 and statuses. Deterministic for a seed.
 * With `problems`, about 0.4 % of records per kind carry a planted anomaly, listed in `planted`.
 * Names stay distinct (and mutually distant) up to about 30,000 customers.
 */
export function generateSampleCustomers(options: SampleOptions): SampleData {
  const { count, seed = 1, problems = false } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new ConfigError({ message: `Sample size must be a whole number ≥ 0; got ${count}.`, hint: 'Pass { count: 2000 }.' });
  }
  if (!problems) {
    const sequence = createSampleSequence(count, seed);
    return { customers: Array.from({ length: count }, () => sequence.next()), rule: sequence.rule, planted: emptyPlantedProblems() };
  }
  if (count < 200) {
    throw new ConfigError({ message: `Planting problems needs at least 200 customers; got ${count}.`, hint: 'Raise count, or pass problems: false.' });
  }
  const perKind = Math.max(5, Math.round(count * 0.004));
  const variants = Array.from({ length: perKind }, (_, index) => DUPLICATE_VARIANTS[index % DUPLICATE_VARIANTS.length]!);
  const extraCount = variants.reduce((sum, variant) => sum + (variant === 'leading-zeros' ? 2 : 1), 0) + 2 * perKind;
  const sequence = createSampleSequence(count, seed);
  const planted = emptyPlantedProblems();
  const { customers, parts } = numberedCustomers(sequence, count - extraCount, perKind, planted);

  // In-place problems hit distinct Chinese companies, so that each record carries one planted anomaly at most.
  const chinese = shuffle(sequence.random, customers.map((_, index) => index).filter((index) => parts[index]?.kind === 'chinese'));
  const take = (size: number) => chinese.splice(0, size);
  for (const [index, target] of take(perKind).entries()) {
    const kind = GARBLE_KINDS[index % GARBLE_KINDS.length]!;
    const customer = customers[target]!;
    const original = customer.name;
    customer.name = garble(original, kind, sequence.random, parts[target]?.core);
    planted.garbled.push({ code: customer.code, field: 'name', kind, value: customer.name, original });
  }
  for (const [index, target] of take(perKind).entries()) plantInvalidTaxId(customers[target]!, index, planted);
  for (let index = 0; index < perKind; index++) {
    const [original, copy] = take(2) as [number, number];
    plantNearDuplicate(customers[original]!, parts[original]!, customers[copy]!, index, planted, sequence.random);
  }

  const extras: SeedCustomer[] = [];
  for (const [index, variant] of variants.entries()) extras.push(...duplicateOf(customers[take(1)[0]!]!, variant, index, sequence, planted));
  for (let index = 0; index < perKind; index++) extras.push(sequence.extra(''));
  for (let index = 0; index < perKind; index++) extras.push(malformed(index, sequence, planted));

  for (const extra of extras) customers.splice(sequence.random.int(customers.length + 1), 0, extra);
  for (const [index, customer] of customers.entries()) if (customer.code === '') planted.missing.push({ index, name: customer.name });
  return { customers, rule: sequence.rule, planted };
}

/** The numbered companies, with `gapCount` runs of 1–3 serials skipped inside a year. */
function numberedCustomers(sequence: SampleSequence, size: number, gapCount: number, planted: PlantedProblems) {
  const customers: SeedCustomer[] = [];
  const parts: Array<SampleSequence['lastParts']> = [];
  const spacing = Math.floor(size / (gapCount + 1));
  let pending = 0;
  for (let index = 0; index < size; index++) {
    if (index > 0 && index % spacing === 0 && planted.gaps.length + pending < gapCount) pending++;
    customers.push(sequence.next(pending > 0 ? 1 + sequence.random.int(3) : 0));
    parts.push(sequence.lastParts);
    // A skip at a year's first record is not applied; try again on the next record.
    if (pending > 0 && sequence.lastGap) {
      planted.gaps.push(sequence.lastGap);
      pending--;
    }
  }
  return { customers, parts };
}

function plantInvalidTaxId(customer: SeedCustomer, index: number, planted: PlantedProblems): void {
  const valid = customer.taxId ?? makeUscc('110108', 90_000_000 + index);
  const problem = (['check', 'length', 'charset'] as const)[index % 3]!;
  customer.taxId = problem === 'check' ? breakUsccCheck(valid) : problem === 'length' ? valid.slice(0, 17) : `${valid.slice(0, 12)}O${valid.slice(13)}`;
  planted.invalidTaxIds.push({ code: customer.code, taxId: customer.taxId, problem });
}

function duplicateOf(original: SeedCustomer, variant: DuplicateVariant, index: number, sequence: SampleSequence, planted: PlantedProblems): SeedCustomer[] {
  const org = original.org ?? 'ORG1';
  const copy = (code: string): SeedCustomer => {
    const { alsoIn: _alsoIn, ...customer } = sequence.extra(code);
    return { ...customer, org };
  };
  if (variant === 'leading-zeros') {
    const serial = 100_000 + index * 37;
    const codes = [String(serial), pad(serial, 10)];
    planted.duplicates.push({ key: codes[0]!, codes, org, variant });
    for (const code of codes) planted.formatViolations.push({ code, problem: 'all-digits' });
    return codes.map(copy);
  }
  const code =
    variant === 'case' ? original.code.toLowerCase() : variant === 'full-width' ? fullWidth(original.code) : index % 2 === 0 ? ` ${original.code}` : `${original.code} `;
  planted.duplicates.push({ key: original.code, codes: [original.code, code], org, variant });
  return [copy(code)];
}

const MALFORMED = ['too-short', 'prefix', 'charset', 'separator', 'too-long'] as const;

function malformed(index: number, sequence: SampleSequence, planted: PlantedProblems): SeedCustomer {
  const problem = MALFORMED[index % MALFORMED.length]!;
  const year = 2015 + sequence.random.int(10);
  const width = sequence.seqWidth;
  const serial = 1 + index;
  const code = {
    'too-short': `KH${year}${pad(serial, width - 1)}`,
    prefix: `KX${year}${pad(serial, width)}`,
    charset: `KH${year}O${pad(serial, width - 1)}`,
    separator: `KH-${year}-${pad(serial, width)}`,
    'too-long': `KH${year}${pad(serial, width + 1)}`,
  }[problem];
  planted.formatViolations.push({ code, problem });
  return sequence.extra(code);
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = random.int(index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}
