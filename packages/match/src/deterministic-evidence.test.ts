import { describe, expect, it } from 'vitest';
import { customer } from './customer.fixture.js';
import { deterministicEvidence } from './deterministic-evidence.js';
import { phoneKey, toMatchRecord } from './match-record.js';
import { taxKeysOf } from './tax-keys.js';

// 60003734-1: GB 11714 weights 3,7,9,10,5,8,4,2 over 6,0,0,0,3,7,3,4 sum to 109; 109 mod 11 = 10; 11 − 10 = 1.
// 91110000600037341L: GB 32100 weights 3^(i−1) mod 31 over 9111000060003734 1 sum to 538; 538 mod 31 = 11;
// 31 − 11 = 20, the 21st character of 0-9A-HJ-NPQRTUWXY, L.
const USCC = '91110000600037341L';
const OLD_TAX_NUMBER = '110108600037341';
const ORG_CODE = '60003734-1';

const records = (rows: Array<[string, string, Parameters<typeof customer>[1]]>) =>
  rows.map(([source, code, fields], index) => toMatchRecord(index, source, customer(code, fields), new Set()));
const kinds = (links: ReturnType<typeof deterministicEvidence>) => links.map((link) => [link.a, link.b, link.kind]);

describe('taxKeysOf', () => {
  it('reads the organisation code at positions 9–17 of a valid USCC', () => {
    expect(taxKeysOf(USCC)).toEqual({ uscc: USCC, orgCode: '600037341', form: 'uscc' });
  });

  it('reads the organisation code of an old 15-digit tax registration number and of a bare code', () => {
    expect(taxKeysOf(OLD_TAX_NUMBER)).toEqual({ uscc: '', orgCode: '600037341', form: 'old-tax-number' });
    expect(taxKeysOf(ORG_CODE)).toEqual({ uscc: '', orgCode: '600037341', form: 'org-code' });
  });

  it('compacts full-width characters and spaces', () => {
    expect(taxKeysOf('９１１１ ００００ ６０００３７３４１Ｌ').uscc).toBe(USCC);
  });

  it('gives nothing for a wrong check character or a placeholder', () => {
    expect(taxKeysOf('91110000600037341M')).toEqual({ uscc: '', orgCode: '', form: null });
    // 000000000 passes the mod-11 check (sum 0, check 0) but identifies nobody.
    expect(taxKeysOf('000000000')).toEqual({ uscc: '', orgCode: '', form: null });
  });
});

describe('phoneKey', () => {
  it('makes one key of a landline written with the trunk 0 and with +86', () => {
    expect(phoneKey('010-6523 1234')).toBe('1065231234');
    expect(phoneKey('+86 10 65231234')).toBe('1065231234');
  });

  it('keeps the 11 digits of a mobile number and the first number of a list', () => {
    expect(phoneKey('+86 139-1234-5678')).toBe('13912345678');
    expect(phoneKey('13912345678 / 010-65231234')).toBe('13912345678');
    expect(phoneKey('00000000')).toBe('');
  });
});

describe('deterministicEvidence', () => {
  it('links equal valid USCCs across sources, written differently', () => {
    const links = deterministicEvidence(records([
      ['u8', 'KH20150002', { taxId: USCC }],
      ['sap', '100259', { taxId: '9111 0000 6000 3734 1L' }],
    ]));
    expect(kinds(links)).toEqual([[0, 1, 'uscc']]);
  });

  it('does not link within one source, nor invalid USCCs', () => {
    const links = deterministicEvidence(records([
      ['u8', 'KH1', { taxId: USCC }],
      ['u8', 'KH2', { taxId: USCC }],
      ['u8', 'KH3', { taxId: '91110000600037341M' }],
      ['sap', '9', { taxId: '91110000600037341M' }],
    ]));
    expect(links).toEqual([]);
  });

  it('links an old tax number and an organisation code to the USCC that embeds them', () => {
    const links = deterministicEvidence(records([
      ['sap', '100259', { taxId: USCC }],
      ['k3', 'CUST0002', { taxId: OLD_TAX_NUMBER }],
      ['ebs', '4711', { taxId: ORG_CODE }],
    ]));
    expect(kinds(links)).toEqual([[0, 1, 'org-code'], [0, 2, 'org-code'], [1, 2, 'org-code']]);
  });

  it('links an equal phone only with similar names', () => {
    const links = deterministicEvidence(records([
      ['u8', 'KH1', { name: '北京华信科技有限公司', phone: '010-6523 1234' }],
      ['sap', '100259', { name: '华信科技（北京）有限责任公司', phone: '+86 10 65231234' }],
      ['k3', 'CUST9', { name: '远大物流有限公司', phone: '010-65231234' }],
    ]));
    expect(kinds(links)).toEqual([[0, 1, 'phone-name']]);
  });

  it('links one code in several orgs of a source', () => {
    const links = deterministicEvidence(records([
      ['sap', '100259', { org: '1000' }],
      ['sap', '100259', { org: '2000' }],
    ]));
    expect(kinds(links)).toEqual([[0, 1, 'same-code']]);
  });
});
