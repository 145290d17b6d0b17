import type { SeedCustomer } from '@custcode/core/fixtures';

type Columns = Record<string, string | null>;

/** Every row of a table gets every column (seed targets take the column list from the first row). */
const allOf = (names: string[], columns: Columns): Columns => ({ ...Object.fromEntries(names.map((name) => [name, null])), ...columns });
const LOCATION_COLUMNS = ['COUNTRY', 'STATE', 'PROVINCE', 'CITY', 'ADDRESS1', 'ADDRESS2', 'POSTAL_CODE'];
/** The contact point columns the seeder writes: phone parts and e-mail. */
export const CONTACT_COLUMNS = ['PHONE_COUNTRY_CODE', 'PHONE_AREA_CODE', 'PHONE_NUMBER', 'PHONE_EXTENSION', 'RAW_PHONE_NUMBER', 'PHONE_LINE_TYPE', 'EMAIL_ADDRESS'];

/** Provinces that are cities themselves (直辖市): province and city are the same 市. */
const MUNICIPALITIES = new Set(['北京', '上海', '天津', '重庆']);

/** Cities of the Latin sample addresses: their country, and a postal code (Hong Kong has none). */
const LATIN_CITIES: Record<string, { country: string; postalCode?: string }> = {
  Dublin: { country: 'IE', postalCode: 'D01 F5P2' },
  Düsseldorf: { country: 'DE', postalCode: '40212' },
  Hamburg: { country: 'DE', postalCode: '20095' },
  Singapore: { country: 'SG', postalCode: '049145' },
  'Hong Kong': { country: 'HK' },
};

/**
 * The HZ_LOCATIONS columns of a seed address, split the way EBS holds it, and the address the source must
 * report for them (written out here, not derived from the mapping). `城市市街道…号` becomes province
 * (STATE or PROVINCE, alternating), city, street and building lines, some with a postal code; `street, City`
 * becomes ADDRESS1, CITY, COUNTRY and, every other row, a postal code. Anything else stays in ADDRESS1.
 */
export function locationOf(seed: SeedCustomer, address: string | undefined, index: number): { columns: Columns; address: string | undefined } {
  // ADDRESS1 is NOT NULL; EBS data without an address line holds a blank, which reads as no address.
  if (address === undefined) return { columns: allOf(LOCATION_COLUMNS, { COUNTRY: 'CN', ADDRESS1: ' ' }), address };
  const chinese = /^(\p{Script=Han}+?市)(.+?号)?(.+)$/u.exec(address);
  if (chinese && seed.region && seed.region.code !== '99') {
    const [, city, street, rest] = chinese as unknown as [string, string, string | undefined, string];
    const province = MUNICIPALITIES.has(seed.region.name) ? `${seed.region.name}市` : `${seed.region.name}省`;
    const postalCode = index % 3 === 0 ? String(100_000 + ((index * 7_919) % 800_000)) : null;
    const lines = street === undefined ? [rest] : [street, rest];
    const columns: Columns = { COUNTRY: 'CN', [index % 2 === 0 ? 'STATE' : 'PROVINCE']: province, CITY: city, ADDRESS1: lines[0]!, ADDRESS2: lines[1] ?? null, POSTAL_CODE: postalCode };
    // A municipality's province equals its city: written once.
    const parts = [province === city ? undefined : province, city, ...lines, postalCode ?? undefined];
    return { columns: allOf(LOCATION_COLUMNS, columns), address: parts.filter((part) => part !== undefined).join(' ') };
  }
  const latin = /^(.+), ([^,]+)$/.exec(address);
  const place = latin ? LATIN_CITIES[latin[2]!] : undefined;
  if (latin && place) {
    const postalCode = index % 2 === 0 ? (place.postalCode ?? null) : null;
    const columns: Columns = { COUNTRY: place.country, ADDRESS1: latin[1]!, CITY: latin[2]!, POSTAL_CODE: postalCode };
    return { columns: allOf(LOCATION_COLUMNS, columns), address: `${latin[1]}, ${[latin[2], postalCode].filter((part) => part !== null).join(' ')}` };
  }
  return { columns: allOf(LOCATION_COLUMNS, { COUNTRY: 'CN', ADDRESS1: address }), address };
}

/**
 * The HZ_CONTACT_POINTS phone columns and the phone the source must report. Every other Chinese landline
 * (`010-62880001`) and every third international number (`+86 21 5123 4567`) is stored in parts with
 * RAW_PHONE_NUMBER null, as the TCA API does when it is given the parts; some of the latter with an extension.
 */
export function phoneOf(phone: string, index: number): { columns: Columns; phone: string } {
  const landline = /^(0\d{2,3})-(\d{7,8})$/.exec(phone);
  if (landline && index % 2 === 0) return { columns: { RAW_PHONE_NUMBER: null, PHONE_AREA_CODE: landline[1]!, PHONE_NUMBER: landline[2]! }, phone };
  const international = /^\+(\d{1,3}) (\d{1,4}) (.+)$/.exec(phone);
  if (international && index % 3 === 0) {
    const [, country, area, number] = international as unknown as [string, string, string, string];
    const extension = index % 2 === 0 ? String(100 + (index % 900)) : null;
    return {
      columns: { RAW_PHONE_NUMBER: null, PHONE_COUNTRY_CODE: country, PHONE_AREA_CODE: area, PHONE_NUMBER: number, PHONE_EXTENSION: extension },
      phone: `+${country} ${area}-${number}${extension === null ? '' : ` x${extension}`}`,
    };
  }
  return { columns: { RAW_PHONE_NUMBER: phone, PHONE_NUMBER: phone }, phone };
}
