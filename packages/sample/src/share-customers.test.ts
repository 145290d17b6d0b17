import { describe, expect, it } from 'vitest';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { shareCustomers } from './share-customers.js';

const company = (code: string, name: string, taxId: string): SeedCustomer => ({ code, name, taxId, phone: '010-65231234', address: '北京市朝阳区建国路88号', region: { code: '11', name: '北京' }, status: 'active' });

describe('shareCustomers', () => {
  const from = [company('KH1', '北京华信科技有限公司', '91110000600037341L')];
  const target = [company('100259', '远大物流有限公司', '91310000MA1FL0000X'), company('', '空编号', '')];

  it('gives a target customer the company of a source customer, keeping its own code', () => {
    const [shared, untouched] = shareCustomers(target, from, { share: 1, seed: 7 });
    expect(shared!.code).toBe('100259');
    expect(shared!.address).toBe('北京市朝阳区建国路88号');
    // One of the spellings: as is, 有限责任公司 with （北京）, the old 15-digit number, or no tax id and +86.
    expect([
      '北京华信科技有限公司|91110000600037341L|010-65231234',
      '华信科技（北京）有限责任公司|91110000600037341L|010-65231234',
      '北京华信科技有限公司|110000600037341|010-65231234',
      '北京华信科技有限公司||+86 10 65231234',
    ]).toContain(`${shared!.name}|${shared!.taxId ?? ''}|${shared!.phone}`);
    expect(untouched).toBe(target[1]);
  });

  it('changes nothing with share 0', () => {
    expect(shareCustomers(target, from, { share: 0, seed: 7 })).toEqual(target);
  });
});
