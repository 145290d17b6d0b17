import type { CustomerSource } from '@custcode/core';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { createOracleEbsSource, seedEbsDatabase } from '../src/index.js';

/** Six accounts in ORG1; their HZ_LOCATIONS and HZ_CONTACT_POINTS rows are then rewritten by hand below. */
const customers: SeedCustomer[] = Array.from({ length: 6 }, (_, index) => ({
  code: `E-${index}`,
  name: `客户${index}`,
  address: 'x',
  phone: '0',
  status: 'active',
  org: 'ORG1',
}));

const location = (country: string, parts: Record<string, string>) => ({ COUNTRY: country, STATE: null, PROVINCE: null, CITY: null, ADDRESS1: ' ', ADDRESS2: null, POSTAL_CODE: null, ...parts });
const phone = (parts: Record<string, string>) => ({ RAW_PHONE_NUMBER: null, PHONE_COUNTRY_CODE: null, PHONE_AREA_CODE: null, PHONE_NUMBER: null, PHONE_EXTENSION: null, ...parts });

/** Per account: the rows as EBS holds them, and the address and phone the source must report (written by hand). */
const rows = [
  {
    location: location('CN', { STATE: '北京市', CITY: '北京市', ADDRESS1: '海淀区中关村大街27号', POSTAL_CODE: '100080' }),
    phone: phone({ PHONE_AREA_CODE: '010', PHONE_NUMBER: '62880001' }),
    expected: { address: '北京市 海淀区中关村大街27号 100080', phone: '010-62880001' },
  },
  {
    location: location('CN', { PROVINCE: '广东省', CITY: '深圳市', ADDRESS1: '南山区科技园路1号', ADDRESS2: 'A栋201室' }),
    phone: phone({ PHONE_COUNTRY_CODE: '86', PHONE_AREA_CODE: '755', PHONE_NUMBER: '86001234', PHONE_EXTENSION: '123' }),
    expected: { address: '广东省 深圳市 南山区科技园路1号 A栋201室', phone: '+86 755-86001234 x123' },
  },
  {
    location: location('CN', { STATE: '浙江省', PROVINCE: '浙江省', CITY: '杭州市', ADDRESS1: '西湖区文三路1号' }),
    phone: phone({ RAW_PHONE_NUMBER: '0571-88886666', PHONE_AREA_CODE: '571', PHONE_NUMBER: '88886666' }),
    expected: { address: '浙江省 杭州市 西湖区文三路1号', phone: '0571-88886666' },
  },
  {
    location: location('DE', { ADDRESS1: 'Königsallee 1', CITY: 'Düsseldorf', POSTAL_CODE: '40212' }),
    phone: phone({ PHONE_NUMBER: '2115550100' }),
    expected: { address: 'Königsallee 1, Düsseldorf 40212', phone: '2115550100' },
  },
  {
    location: location('US', { ADDRESS1: '100 Main St', ADDRESS2: 'Suite 5', CITY: 'Springfield', STATE: 'IL', POSTAL_CODE: '62701' }),
    phone: phone({ PHONE_COUNTRY_CODE: '1', PHONE_NUMBER: '2175550100', PHONE_EXTENSION: '42' }),
    expected: { address: '100 Main St, Suite 5, Springfield IL 62701', phone: '+1 2175550100 x42' },
  },
  {
    // No city: the province stays (an unknown comparison with a NULL city never drops it).
    location: location('CN', { STATE: '广东省', ADDRESS1: '南山区科技园路1号' }),
    phone: phone({}),
    expected: { address: '广东省 南山区科技园路1号' },
  },
];

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`[adapter-oracle address and phone] ${backend.unavailable}`);
  describe.skipIf(backend.unavailable !== undefined)(`EBS address and phone composition on ${backend.name}`, () => {
    let database: TestDatabase;
    let source: CustomerSource;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await seedEbsDatabase(database, customers);
      const update = async (table: string, key: string, id: number, values: Record<string, string | null>) => {
        const columns = Object.keys(values);
        const assignments = columns.map((column, index) => `${database.quote(column)} = ${backend.name === 'postgres' ? `$${index + 1}` : '?'}`).join(', ');
        const where = `${database.quote(key)} = ${backend.name === 'postgres' ? `$${columns.length + 1}` : '?'}`;
        await database.run(`UPDATE ${database.quote(table)} SET ${assignments} WHERE ${where}`, [...Object.values(values), id]);
      };
      for (const [index, row] of rows.entries()) {
        await update('HZ_LOCATIONS', 'LOCATION_ID', 4000 + index, row.location);
        await update('HZ_CONTACT_POINTS', 'CONTACT_POINT_ID', 6000 + index * 10, row.phone);
      }
      source = createOracleEbsSource({ name: 'ebs', connection: database.url });
    });
    afterAll(async () => {
      await source?.close();
      await database?.drop();
    });

    it('composes a Chinese address from the province down and a Latin one from the street up; a phone from its parts', async () => {
      for (const [index, row] of rows.entries()) {
        const customer = await source.get(`E-${index}`);
        expect({ address: customer?.address, phone: customer?.phone }, `E-${index}`).toEqual({ address: row.expected.address, phone: row.expected.phone });
      }
    });

    it('searches the composed phone, area code included', async () => {
      const codes = async (query: { phone: string }) => {
        const found: string[] = [];
        for await (const customer of source.search(query)) found.push(customer.code);
        return found;
      };
      expect(await codes({ phone: '010-6288' })).toEqual(['E-0']);
      expect(await codes({ phone: '755-8600' })).toEqual(['E-1']);
      expect(await codes({ phone: 'x42' })).toEqual(['E-4']);
    });
  });
}
