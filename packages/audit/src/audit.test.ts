import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { guardSource } from '@custcode/access';
import { createMemorySource } from '@custcode/core';
import type { Customer } from '@custcode/core';
import { makeUscc } from '@custcode/core/fixtures';
import { audit } from './audit.js';
import type { AuditRecord } from './audit-types.js';

const customer = (code: string, name: string, extra: Partial<Customer> = {}): Customer => ({
  source: 'test', erp: 'file', code, name, status: 'active', raw: {}, ...extra,
});
const series = (count: number, skip: ReadonlySet<number> = new Set()) =>
  Array.from({ length: count }, (_, index) => index + 1)
    .filter((serial) => !skip.has(serial))
    .map((serial) => customer(`KH${String(serial).padStart(6, '0')}`, `客户${serial}号贸易有限公司`));

describe('audit without a rule', () => {
  it('finds duplicates after case, width, space and SAP zero normalisation', async () => {
    const report = await audit([
      customer('KH000001', 'A'), customer(' kh000001', 'B'), customer('ＫＨ000001', 'C'),
      customer('0000012345', 'D'), customer('12345', 'E'), customer('KH000002', 'F'),
    ]);
    expect(report.duplicates).toEqual([
      { code: 'KH000001', records: ['KH000001', ' kh000001', 'ＫＨ000001'], names: ['A', 'B', 'C'], rowIds: [null, null, null], org: null },
      { code: '12345', records: ['0000012345', '12345'], names: ['D', 'E'], rowIds: [null, null], org: null },
    ]);
  });

  it('does not count one customer distributed to several orgs as a duplicate', async () => {
    const report = await audit([customer('KH000001', 'A', { org: '100' }), customer('KH000001', 'A', { org: '200' })]);
    expect(report.duplicates).toEqual([]);
  });

  it('reports missing codes with the name and a row id from raw', async () => {
    const records: AuditRecord[] = [
      { code: 'KH000001', name: 'A' },
      { code: '', name: '无编号客户', raw: { FCUSTID: 100234, FNAME: '无编号客户' } },
      { code: null, name: 'Null Co', raw: { id: 'r-7' } },
      { code: '  ', name: 'Spaces' },
    ];
    const report = await audit(records);
    expect(report.missing).toEqual([
      { index: 1, name: '无编号客户', rowId: '100234', stored: '', org: null },
      { index: 2, name: 'Null Co', rowId: 'r-7', stored: null, org: null },
      { index: 3, name: 'Spaces', rowId: null, stored: '  ', org: null },
    ]);
  });

  it('infers the dominant pattern, its gaps and the codes that deviate from it', async () => {
    const records = [
      ...series(200, new Set([17, 18, 19, 150])),
      customer('KX000300', 'wrong prefix'),
      customer('KH00031', 'short'),
      customer('kh000201', 'lower case is a duplicate matter, not a format one'),
      customer('KH00O202', 'letter O for a zero'),
    ];
    const report = await audit(records);
    expect(report.summary.inferredPattern).toEqual({ template: 'KH999999', description: 'KH + 6 digits' });
    expect(report.gaps).toEqual([
      { prefix: 'KH', from: 17, to: 19, legitimate: false },
      { prefix: 'KH', from: 150, to: 150, legitimate: false },
    ]);
    expect(report.formatViolations.map((violation) => violation.code)).toEqual(['KX000300', 'KH00031', 'KH00O202']);
    expect(report.formatViolations[0]!.reasons).toEqual(['prefix "KX" instead of "KH"']);
    expect(report.formatViolations[1]!.reasons).toEqual(['length 7 instead of 8']);
    expect(report.formatViolations[2]!.reasons).toEqual(['pattern KH + 2 digits + O + 3 digits instead of KH + 6 digits']);
  });

  it('treats all-digit codes of any length as one scheme (SAP shows them without leading zeros)', async () => {
    const codes = [...Array.from({ length: 300 }, (_, index) => String(index + 1)).filter((code) => code !== '42'), 'A17', '0000000300'];
    const report = await audit(codes.map((code) => customer(code, `客户${code}`)), { nearDuplicates: false });
    expect(report.summary.inferredPattern).toEqual({ template: '9…', description: 'digits only (any length)' });
    expect(report.formatViolations).toEqual([{ code: 'A17', reasons: ['not all digits, unlike the dominant pattern (digits only, any length)'] }]);
    expect(report.gaps).toEqual([{ prefix: '', from: 42, to: 42, legitimate: false }]);
    expect(report.duplicates.map((group) => group.records)).toEqual([['300', '0000000300']]);
  });

  it('splits a leading year off the serial so each year is its own counter', async () => {
    const codes = [
      ...Array.from({ length: 50 }, (_, index) => `KH2024${String(index + 1).padStart(4, '0')}`),
      ...Array.from({ length: 30 }, (_, index) => `KH2025${String(index + 1).padStart(4, '0')}`).filter((code) => code !== 'KH20250007'),
    ];
    const report = await audit(codes.map((code) => customer(code, code)));
    expect(report.gaps).toEqual([{ prefix: 'KH2025', from: 7, to: 7, legitimate: false }]);
  });

  it('flags garbled text and repairs what can be reversed', async () => {
    const gbk = iconv.decode(Buffer.from('北京星辰科技有限公司', 'utf8'), 'gbk');
    const latin = Buffer.from('上海瑞丰贸易', 'utf8').toString('latin1');
    const report = await audit([
      customer('KH000001', gbk),
      customer('KH000002', '正常名称有限公司', { address: latin }),
      customer('KH000003', '杭州\uFFFD\uFFFD物流'),
      customer('KH000004', '成都??电子有限公司'),
      customer('KH000005', '苏州\u0007嘉禾食品'),
      customer('KH000006', 'Müller Société GmbH'),
    ]);
    expect(report.garbled).toEqual([
      { code: 'KH000001', field: 'name', value: gbk, kind: 'utf8-as-gbk', repair: '北京星辰科技有限公司' },
      { code: 'KH000002', field: 'address', value: latin, kind: 'utf8-as-latin1', repair: '上海瑞丰贸易' },
      { code: 'KH000003', field: 'name', value: '杭州\uFFFD\uFFFD物流', kind: 'replacement-character', repair: null },
      { code: 'KH000004', field: 'name', value: '成都??电子有限公司', kind: 'question-marks', repair: null },
      { code: 'KH000005', field: 'name', value: '苏州\u0007嘉禾食品', kind: 'control-characters', repair: '苏州嘉禾食品' },
    ]);
  });

  it('checks tax ids as USCC or GB 11714 organisation codes', async () => {
    const valid = makeUscc('110108', 12345678);
    const broken = valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0');
    const report = await audit([
      customer('KH000001', 'A', { taxId: valid }),
      customer('KH000002', 'B', { taxId: broken }),
      customer('KH000003', 'C', { taxId: '12345' }),
      customer('KH000004', 'D', { taxId: '60003734-1' }),
    ]);
    expect(report.invalidTaxIds.map((finding) => finding.code)).toEqual(['KH000002', 'KH000003']);
    expect(report.invalidTaxIds[0]!.reasons[0]).toMatch(/check character/);
  });

  it('skips tax ids and names masked for the role instead of reporting them', async () => {
    const valid = makeUscc('110108', 12345678);
    const broken = valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0');
    const policy = { roles: { viewer: { sources: { '*': { commands: ['audit' as const], mask: { taxId: 'partial' as const, name: 'name' as const } } } } }, users: { ann: { role: 'viewer' } } };
    const source = guardSource(
      createMemorySource({
        name: 'm',
        customers: [
          customer('KH000001', '北京星辰科技有限公司', { taxId: valid }),
          customer('KH000002', '北京星辰科技有限公司', { taxId: broken }),
          customer('KH000003', '北京星光科技有限公司', { taxId: '12345' }),
        ],
      }),
      { policy, user: 'ann', command: 'audit' },
    );
    const report = await audit(source.search());
    expect(report.invalidTaxIds).toEqual([]);
    expect(report.nearDuplicates).toEqual([]);
    // The same records unmasked: both problems are found.
    const plain = await audit([customer('KH000001', '北京星辰科技有限公司', { taxId: valid }), customer('KH000002', '北京星辰科技有限公司', { taxId: broken })]);
    expect(plain.invalidTaxIds.map((finding) => finding.code)).toEqual(['KH000002']);
    expect(plain.nearDuplicates).toHaveLength(1);
  });

  it('links near-duplicates by tax id, normalised name and similar name', async () => {
    const taxId = makeUscc('310115', 4242);
    const report = await audit([
      customer('KH000001', '北京星辰科技有限公司'),
      customer('KH000002', '星辰科技（北京）股份有限公司'),
      customer('KH000003', '上海瑞丰国际贸易有限公司', { taxId }),
      customer('KH000004', '瑞丰贸易(上海)', { taxId }),
      customer('KH000005', '深圳市鼎盛电子设备有限公司'),
      customer('KH000006', '深圳鼎盛电子没备有限公司'),
      customer('KH000007', '上海星辰科技有限公司'),
      customer('KH000008', 'Acme Trading Co., Ltd.'),
      customer('KH000009', 'ACME TRADING LIMITED'),
    ]);
    expect(report.nearDuplicates).toEqual([
      { codes: ['KH000001', 'KH000002'], names: ['北京星辰科技有限公司', '星辰科技（北京）股份有限公司'], reason: 'same-name', score: 1 },
      { codes: ['KH000003', 'KH000004'], names: ['上海瑞丰国际贸易有限公司', '瑞丰贸易(上海)'], reason: 'same-tax-id', score: 1 },
      { codes: ['KH000005', 'KH000006'], names: ['深圳市鼎盛电子设备有限公司', '深圳鼎盛电子没备有限公司'], reason: 'similar-name', score: 0.833 },
      { codes: ['KH000008', 'KH000009'], names: ['Acme Trading Co., Ltd.', 'ACME TRADING LIMITED'], reason: 'same-name', score: 1 },
    ]);
  });

  it('reads a source stream and reports its name and totals', async () => {
    const source = createMemorySource({ name: 'u8', customers: series(30, new Set([5])), pageSize: 7 });
    const report = await audit(source.search());
    expect(report.source).toBe('test');
    expect((await audit([], { source: 'u8' })).source).toBe('u8');
    expect(report.total).toBe(29);
    expect(Object.keys(report)).toEqual(['source', 'total', 'summary', 'duplicates', 'missing', 'gaps', 'formatViolations', 'garbled', 'invalidTaxIds', 'nearDuplicates']);
    expect(report.summary.codeLengths).toEqual({ '8': 29 });
    expect(report.summary.serialCoverage).toEqual([{ prefix: 'KH', first: 1, last: 30, present: 29, missing: 1, legitimate: false }]);
  });
});

describe('audit with a rule', () => {
  it('validates codes against the rule and reads gaps per counter', async () => {
    const codes = ['KH20240001', 'KH20240002', 'KH20240005', 'KH20250002', 'KH2025001', 'XX20250003'];
    const report = await audit(codes.map((code) => customer(code, code)), { rule: 'KH{YYYY}{seq:4}' });
    expect(report.summary.rule).toBe('KH{YYYY}{seq:4}');
    expect(report.formatViolations.map((violation) => violation.code)).toEqual(['KH2025001', 'XX20250003']);
    expect(report.formatViolations[0]!.reasons.length).toBeGreaterThan(0);
    expect(report.gaps).toEqual([
      { prefix: 'KH2024', from: 3, to: 4, legitimate: true },
      { prefix: 'KH2025', from: 1, to: 1, legitimate: true },
    ]);
    expect(report.summary.gaps).toBe(0);
    expect(report.summary.legitimateGaps).toBe(2);
  });

  it('counts only the numbers of the rule\'s step as missing', async () => {
    const codes = ['C101', 'C111', 'C141'];
    const report = await audit(codes.map((code) => customer(code, code)), { rule: 'C{seq:3|start=101|step=10}', nearDuplicates: false });
    expect(report.gaps).toEqual([{ prefix: 'C', from: 121, to: 131, legitimate: true }]);
    expect(report.summary.serialCoverage).toEqual([{ prefix: 'C', first: 101, last: 141, present: 3, missing: 2, legitimate: true }]);
  });

  it('reports gaps as errors when the rule promises no gaps', async () => {
    const codes = ['KH20240001', 'KH20240003'];
    const report = await audit(codes.map((code) => customer(code, code)), { rule: 'KH{YYYY}{seq:4|mode=no-gap}' });
    expect(report.gaps).toEqual([{ prefix: 'KH2024', from: 2, to: 2, legitimate: false }]);
  });
});
