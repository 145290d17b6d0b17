import { createRandom } from '@custcode/sample';
import { describe, expect, it } from 'vitest';
import { findNearDuplicates, type NameRecord } from './near-duplicates.js';


const TRADE = [...'瑞恒鼎宏博嘉永正兴盛泰润德信和达丰同汇鑫卓凯聚锦晨万启铭弘众创力隆昌耀悦旭友佳立海天金源华宇星辰光明远航新景'];
const INDUSTRY = ['科技', '贸易', '物流', '电子', '纺织', '建材', '医药', '食品', '机械', '化工', '软件', '能源'];
const CITIES = ['北京', '上海', '南京', '杭州', '深圳', '成都', '武汉', '西安'];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司', '（集团）有限公司', '（集团）股份有限公司'];
const toFullWidth = (text: string) => text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));

/**
 * Companies named `CITY + trade + industry + legal form` (some trade names with Latin letters and
 * digits); a fifth get a twin under another code written differently: another legal form, the city
 * in brackets, full-width letters, or without the city or with 市. Half of the twins have a namesake
 * in another city listed first.
 */
function dataSet(companies: number, seed: number): { records: NameRecord[]; planted: Array<[string, string]> } {
  const next = createRandom(seed).next;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const records: NameRecord[] = [];
  const planted: Array<[string, string]> = [];
  const add = (code: string, name: string) => records.push({ code, codeKey: code, name, matchName: name, taxKey: '' });
  for (let company = 0; company < companies; company++) {
    const latin = next() < 0.15 ? `${pick(['ABC', 'KT', 'TCL', 'HX'])}${Math.floor(next() * 90) + 10}` : '';
    const trade = `${latin}${pick(TRADE)}${pick(TRADE)}${pick(TRADE)}${pick(TRADE)}${pick(INDUSTRY)}`;
    const city = pick(CITIES);
    const code = `C${String(company).padStart(5, '0')}`;
    if (next() >= 0.2) {
      add(code, `${city}${trade}${pick(FORMS)}`);
      continue;
    }
    const variant = Math.floor(next() * 5);
    if (variant === 2 && latin === '') {
      add(code, `${city}${trade}${pick(FORMS)}`);
      continue;
    }
    if (next() < 0.5) add(`${code}N`, `${pick(CITIES.filter((other) => other !== city))}${trade}${pick(FORMS)}`);
    add(code, `${city}${trade}${pick(FORMS)}`);
    const twins = [
      `${city}${trade}${pick(FORMS)}`,
      `${trade}（${city}）${pick(FORMS)}`,
      toFullWidth(`${city}${trade}${pick(FORMS)}`),
      `${trade}${pick(FORMS)}`,
      `${city}市${trade}${pick(FORMS)}`,
    ];
    add(`${code}T`, twins[variant]!);
    planted.push([code, `${code}T`]);
  }
  return { records, planted };
}

describe('findNearDuplicates recall on names written differently', () => {
  it('finds at least 95 % of planted pairs, and few pairs nobody planted', () => {
    const { records, planted } = dataSet(3000, 7);
    const groups = findNearDuplicates(records);
    const groupOf = new Map<string, number>();
    groups.forEach((group, index) => group.codes.forEach((code) => groupOf.set(code, index)));
    const found = planted.filter(([a, b]) => groupOf.has(a) && groupOf.get(a) === groupOf.get(b)).length;
    expect(planted.length).toBeGreaterThan(400);
    expect(found / planted.length).toBeGreaterThanOrEqual(0.95);

    // Precision: reported pairs of two different companies. A twin without the city rightly joins its
    // namesake too (nothing tells them apart), so the three codes of one company count as one.
    const company = (code: string) => code.replace(/[NT]$/, '');
    let reported = 0;
    let right = 0;
    for (const group of groups) {
      for (let i = 0; i < group.codes.length; i++) {
        for (let j = i + 1; j < group.codes.length; j++) {
          reported += 1;
          if (company(group.codes[i]!) === company(group.codes[j]!)) right += 1;
        }
      }
    }

    expect(right / reported).toBeGreaterThanOrEqual(0.9);
  });
});
