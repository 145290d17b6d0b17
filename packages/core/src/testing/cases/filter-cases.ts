import type { Customer } from '../../customer/customer-schema.js';
import type { CustomerFilter } from '../../source/v1/customer-query.js';
import { pinyinInitials } from '../../text/pinyin-initials.js';

export interface FilterCase {
  label: string;
  filter: CustomerFilter;
}

/** The most frequent defined value of a field, so that filters on it select a real subset. */
function mostCommon(customers: readonly Customer[], field: 'category' | 'region' | 'org'): string | undefined {
  const counts = new Map<string, number>();
  for (const customer of customers) {
    const value = customer[field];
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

function distinctValues(customers: readonly Customer[], field: 'org'): string[] {
  return [...new Set(customers.map((customer) => customer[field]).filter((value): value is string => value !== undefined))].sort();
}

/** Pinyin initials of the first Chinese name in the data set (4 letters), so the pinyin query has hits. */
function pinyinQuery(customers: readonly Customer[]): string | undefined {
  for (const customer of customers) {
    const initials = pinyinInitials(customer.name);
    if (/^[a-z]{4}/.test(initials)) return initials.slice(0, 4);
  }
  return undefined;
}

/** Initials from inside a Chinese name (letters 2–4): they must not match, initials count from the name's start. */
function midNamePinyin(customers: readonly Customer[]): string | undefined {
  for (const customer of customers) {
    const initials = pinyinInitials(customer.name);
    if (/^[a-z]{4}/.test(initials)) return initials.slice(1, 4);
  }
  return undefined;
}

/** Single filters: each search filter alone, with values that hit and values that test escaping and case. */
export function singleFilterCases(customers: readonly Customer[]): FilterCase[] {
  const category = mostCommon(customers, 'category') ?? '批发客户';
  const region = mostCommon(customers, 'region') ?? '北京';
  const pinyin = pinyinQuery(customers) ?? 'bjxc';
  const midPinyin = midNamePinyin(customers) ?? 'jxc';
  const cases: FilterCase[] = [
    { label: 'text: Chinese word', filter: { text: '科技' } },
    { label: 'text: Latin word, other case', filter: { text: 'ACME' } },
    { label: 'text: code fragment, lower case', filter: { text: 'kh2024' } },
    { label: 'text: short name', filter: { text: '星辰' } },
    { label: `text: pinyin initials ${pinyin}`, filter: { text: pinyin } },
    { label: 'text: pinyin initials, upper case', filter: { text: pinyin.toUpperCase() } },
    { label: 'text: empty string means no filter', filter: { text: '' } },
    { label: `text: pinyin initials ${pinyin}, code only`, filter: { text: pinyin, textFields: ['code'] } },
    { label: 'text: Chinese word, short name only', filter: { text: '星辰', textFields: ['shortName'] } },
    { label: 'text: Chinese word, code and short name', filter: { text: '科技', textFields: ['code', 'shortName'] } },
    { label: 'text: code fragment, name only', filter: { text: 'kh2024', textFields: ['name'] } },
    { label: `text: pinyin initials ${pinyin}, name only`, filter: { text: pinyin, textFields: ['name'] } },
    { label: `text: pinyin initials ${midPinyin} from inside a name (no match there)`, filter: { text: midPinyin } },
    { label: 'text: pinyin bj (北京… only, not a bj inside the initials)', filter: { text: 'bj' } },
    { label: 'codePrefix KH2024', filter: { codePrefix: 'KH2024' } },
    { label: 'codePrefix lower case kh', filter: { codePrefix: 'kh' } },
    { label: 'codePrefix C- ', filter: { codePrefix: 'C-' } },
    { label: 'codePrefix C_ (underscore is literal)', filter: { codePrefix: 'C_' } },
    { label: 'codePrefix C% (percent is literal)', filter: { codePrefix: 'C%' } },
    { label: 'codePrefix 100', filter: { codePrefix: '100' } },
    { label: 'codePrefix 0000', filter: { codePrefix: '0000' } },
    { label: 'codePrefix matching nothing', filter: { codePrefix: 'QQQ' } },
    { label: 'codePrefix typed full-width with spaces (normalised like a code)', filter: { codePrefix: ' ＫＨ２０２４ ' } },
    { label: 'name 有限公司', filter: { name: '有限公司' } },
    { label: 'name % (literal)', filter: { name: '100%' } },
    { label: 'name A_B (underscore is literal)', filter: { name: 'A_B' } },
    { label: "name O'Brien", filter: { name: "O'Brien" } },
    { label: 'name with backslash', filter: { name: 'Back\\Slash' } },
    { label: 'name case-insensitive', filter: { name: 'trading' } },
    { label: 'name with full-width brackets', filter: { name: '（北京）' } },
    { label: 'phone 010', filter: { phone: '010' } },
    { label: 'phone digits', filter: { phone: '8888' } },
    { label: `category ${category}`, filter: { category } },
    { label: 'category unknown', filter: { category: 'no such category' } },
    { label: `region ${region}`, filter: { region } },
    { label: 'status active', filter: { status: 'active' } },
    { label: 'status blocked', filter: { status: 'blocked' } },
    { label: 'status deleted', filter: { status: 'deleted' } },
    { label: 'status blocked or deleted', filter: { status: ['blocked', 'deleted'] } },
    { label: 'createdFrom 2024-01-01', filter: { createdFrom: '2024-01-01' } },
    { label: 'createdTo 2023-06-30 (bare date includes the day)', filter: { createdTo: '2023-06-30' } },
    { label: 'createdTo 2023-07-01T00:00:00 (inclusive)', filter: { createdTo: '2023-07-01T00:00:00' } },
    { label: 'createdFrom with a time', filter: { createdFrom: '2023-06-30T23:59:59' } },
    { label: 'updatedSince 2024-06-01 (falls back to createdAt)', filter: { updatedSince: '2024-06-01' } },
    { label: 'updatedSince with a time', filter: { updatedSince: '2023-07-01 00:00' } },
  ];
  for (const org of distinctValues(customers, 'org')) cases.push({ label: `org ${org}`, filter: { org } });
  cases.push({ label: 'org unknown', filter: { org: 'NO-SUCH-ORG' } });
  return cases;
}

/** Several filters together (AND). */
export function combinedFilterCases(customers: readonly Customer[]): FilterCase[] {
  const category = mostCommon(customers, 'category') ?? '批发客户';
  const region = mostCommon(customers, 'region') ?? '北京';
  const org = mostCommon(customers, 'org');
  return [
    { label: 'status + name + region', filter: { status: 'active', name: '有限公司', region } },
    { label: 'codePrefix + created range + statuses', filter: { codePrefix: 'KH', createdFrom: '2023-01-01', createdTo: '2023-12-31', status: ['active', 'blocked'] } },
    { label: 'text + category', filter: { text: '科技', category } },
    { label: 'phone + status + updatedSince', filter: { phone: '010', status: 'active', updatedSince: '2022-01-01' } },
    { label: 'text + codePrefix', filter: { text: 'trading', codePrefix: 'C-' } },
    ...(org === undefined ? [] : [{ label: 'org + status + category', filter: { org, status: 'active' as const, category } }]),
  ];
}

/** A value of the right type for any filter key, to check that unsupported filters are refused. */
export function sampleFilterValue(key: string): CustomerFilter {
  if (key === 'status') return { status: 'active' };
  if (key === 'createdFrom' || key === 'createdTo' || key === 'updatedSince') return { [key]: '2020-01-01' };
  return { [key]: 'x' } as CustomerFilter;
}
