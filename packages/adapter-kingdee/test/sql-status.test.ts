import { canonicalCustomers } from '@custcode/core/testing';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../test-support/backends.js';
import { createKingdeeSource, seedK3CloudDatabase, seedK3WiseDatabase } from '../src/index.js';

const sqlite = testBackends().find((backend) => backend.name === 'sqlite')!;

describe('Kingdee status mapping on SQLite', () => {
  it('K/3 Cloud: an unaudited customer (FDOCUMENTSTATUS A) is blocked; raw keeps the flag', async () => {
    const database = await sqlite.createDatabase();
    try {
      await seedK3CloudDatabase(database, canonicalCustomers().slice(0, 12));
      await database.run(`UPDATE "T_BD_CUSTOMER" SET "FDOCUMENTSTATUS" = 'A' WHERE "FNUMBER" = 'KH2023010002'`);
      const source = createKingdeeSource({ name: 'k3', product: 'k3cloud', connection: database.url });
      const customer = await source.get('KH2023010002');
      expect(customer?.status).toBe('blocked');
      expect(customer?.raw.FDOCUMENTSTATUS).toBe('A');
      expect(customer?.raw.FFORBIDSTATUS).toBe('A');
      expect((await source.get('KH2023010003'))?.status).toBe('active');
      // FUSEORGID is an int: an org that is not an id matches nothing instead of failing to convert.
      expect(await source.get('KH2023010003', { org: 'ORG1' })).toBeUndefined();
      expect(await source.count({ org: "100001' OR 1=1 --" })).toBe(0);
      expect(await source.count({ org: '100001' })).toBeGreaterThan(0);
      await expect(source.get('', { org: 'ORG1' })).rejects.toMatchObject({ code: 'CODE_MALFORMED' });
      await source.close();
    } finally {
      await database.drop();
    }
  });

  it('K/3 WISE: deleted items are returned as deleted, group nodes and other item classes are not customers', async () => {
    const database = await sqlite.createDatabase();
    try {
      const seeds = canonicalCustomers().filter((seed) => seed.code === 'KH2024090003' || seed.code === 'KH2024090001' || seed.code === 'M-2');
      await seedK3WiseDatabase(database, seeds);
      const source = createKingdeeSource({ name: 'wise', product: 'k3wise', connection: database.url });
      expect((await source.get('KH2024090003'))?.status).toBe('deleted');
      expect((await source.get('M-2'))?.status).toBe('blocked');
      // The group node carrying category 01 (FDetail = 0) and the material sharing KH2024090001 (class 4) stay out.
      expect(await source.get('01')).toBeUndefined();
      expect(await source.count()).toBe(3);
      expect((await source.get('KH2024090001'))?.name).toBe('上海明辉贸易有限公司');
      expect((await source.get('KH2024090001'))?.category).toBe('批发客户');
      await source.close();
    } finally {
      await database.drop();
    }
  });
});
