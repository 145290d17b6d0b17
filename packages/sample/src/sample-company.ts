import type { Random } from './random.js';
import type { SeedCustomer } from '@custcode/core/fixtures';
import {
  LATIN_BRANDS,
  LATIN_CITIES,
  LATIN_INDUSTRIES,
  LATIN_SUFFIXES,
  SAMPLE_CATEGORIES,
  SAMPLE_CITIES,
  SAMPLE_GIVEN,
  SAMPLE_INDUSTRIES,
  SAMPLE_LEGAL_SUFFIXES,
  SAMPLE_SURNAMES,
  TRADE_FIRST,
  TRADE_SECOND,
  TRADE_THIRD,
  type SampleCity,
} from './sample-vocabulary.js';
import { makeUscc } from '@custcode/core/fixtures';

const POOL = TRADE_FIRST.length;
/** Distinct trade name × industry pairs; company ids below this give unique, mutually distant names. */
export const DISTINCT_COMPANIES = POOL * POOL * SAMPLE_INDUSTRIES.length;
const LATIN_COMPANIES = LATIN_BRANDS.length * LATIN_INDUSTRIES.length;

/** The three-character trade name of company `id` (see sample-vocabulary for why three). */
export function tradeName(id: number): string {
  const first = id % POOL;
  const second = Math.floor(id / POOL) % POOL;
  return TRADE_FIRST[first]! + TRADE_SECOND[second]! + TRADE_THIRD[(first + second) % POOL]!;
}

export interface CompanyParts {
  kind: 'chinese' | 'latin';
  /** Trade name + industry (Chinese) or brand + industry (Latin): what identifies the company. */
  core: string;
  trade: string;
  city: SampleCity;
  /** How the place is written: `北京星辰科技有限公司`, `北京市…`, or `星辰科技（北京）有限公司`. */
  placement: 'prefix' | 'prefix-shi' | 'bracket';
  suffix: string;
}

export function companyName(parts: CompanyParts): string {
  if (parts.kind === 'latin') return `${parts.core} ${parts.suffix}`;
  if (parts.placement === 'bracket') return `${parts.core}（${parts.city.city}）${parts.suffix}`;
  return `${parts.city.city}${parts.placement === 'prefix-shi' ? '市' : ''}${parts.core}${parts.suffix}`;
}

/** Company `id` (a permuted index) with a random city and legal form. `latinOrdinal` ≥ 0 makes a Latin company. */
export function companyParts(random: Random, id: number, latinOrdinal = -1): CompanyParts {
  const city = random.pick(SAMPLE_CITIES);
  if (latinOrdinal >= 0) {
    const ordinal = latinOrdinal % LATIN_COMPANIES;
    const brand = LATIN_BRANDS[ordinal % LATIN_BRANDS.length]!;
    const core = `${brand} ${LATIN_INDUSTRIES[Math.floor(ordinal / LATIN_BRANDS.length)]!}`;
    return { kind: 'latin', core, trade: brand, city, placement: 'prefix', suffix: random.pick(LATIN_SUFFIXES) };
  }
  const trade = tradeName(id % (POOL * POOL));
  const industry = SAMPLE_INDUSTRIES[Math.floor(id / (POOL * POOL)) % SAMPLE_INDUSTRIES.length]!;
  const roll = random.next();
  const placement = roll < 0.7 ? 'prefix' : roll < 0.85 ? 'prefix-shi' : 'bracket';
  return { kind: 'chinese', core: trade + industry, trade, city, placement, suffix: random.pick(SAMPLE_LEGAL_SUFFIXES) };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `Northwind Logistics` → `NORTHWILOG`: at most 10 characters (SAP SORTL), unique per brand and industry. */
const latinShortName = (core: string) => {
  const [brand = '', industry = ''] = core.toUpperCase().replace(/[^A-Z ]/g, '').split(/ (?=[A-Z]+$)/);
  return brand.replace(/ /g, '').slice(0, 7) + industry.slice(0, 3);
};

function phoneOf(random: Random, city: SampleCity): string {
  if (random.chance(0.45)) return `1${random.pick(['3', '5', '8', '9'])}${pad(random.int(1_000_000_000), 9)}`;
  return `${city.areaCode}-${2 + random.int(7)}${pad(random.int(10_000_000), 7)}`;
}

function categoryOf(random: Random): { code: string; name: string } {
  let roll = random.int(100);
  for (const category of SAMPLE_CATEGORIES) {
    if (roll < category.weight) return { code: category.code, name: category.name };
    roll -= category.weight;
  }
  return { code: '01', name: '批发客户' };
}

/**
 * A sample customer without dates: name, short name, tax id (`taxSerial` makes it unique), contact,
 * phone, address, category, region, status and orgs.
 */
export function sampleCompany(random: Random, parts: CompanyParts, code: string, taxSerial: number): SeedCustomer {
  const latin = parts.kind === 'latin';
  const abroad = latin ? random.pick(LATIN_CITIES) : undefined;
  const statusRoll = random.next();
  const orgRoll = random.next();
  const org = orgRoll < 0.75 ? 'ORG1' : orgRoll < 0.92 ? 'ORG2' : 'ORG3';
  const customer: SeedCustomer = {
    code,
    name: companyName(parts),
    shortName: latin ? latinShortName(parts.core) : parts.core,
    contact: latin ? random.pick(['John Smith', 'Anna Schmidt', 'Wei Chen', 'Maria Lopez', 'Tom Baker']) : random.pick(SAMPLE_SURNAMES) + random.pick(SAMPLE_GIVEN),
    phone: abroad ? `${abroad.phone}${pad(random.int(100_000_000), 8)}` : phoneOf(random, parts.city),
    address: abroad ? `${1 + random.int(200)} Harbour Road, ${abroad.city}` : `${parts.city.city}市${random.pick(parts.city.streets)}${1 + random.int(999)}号`,
    category: latin ? { code: '03', name: '海外客户' } : categoryOf(random),
    region: latin ? { code: '99', name: '海外' } : parts.city.region,
    status: statusRoll < 0.9 ? 'active' : statusRoll < 0.96 ? 'blocked' : 'deleted',
    org,
  };
  if (!latin && random.chance(0.92)) customer.taxId = makeUscc(parts.city.district, taxSerial);
  if (org === 'ORG1' && random.chance(0.08)) customer.alsoIn = ['ORG2'];
  return customer;
}
