import { describe, expect, it } from 'vitest';
import { customer } from './customer.fixture.js';
import { goldenRecord } from './golden-record.js';
import { toMatchRecord } from './match-record.js';

const record = (index: number, source: string, code: string, fields: Parameters<typeof customer>[1]) => toMatchRecord(index, source, customer(code, fields), new Set());

describe('goldenRecord', () => {
  const u8 = record(0, 'u8', 'KH1', { name: '北京华信科技有限公司', phone: '010-65231234', taxId: '110108600037341', updatedAt: '2025-03-01' });
  const sap = record(1, 'sap', '100259', { name: 'HUAXIN TECH', address: '北京市朝阳区建国路 88 号', taxId: '91110000600037341L', updatedAt: '2024-01-01' });

  it('takes each field from the most recently updated record that has it, and says from where', () => {
    const golden = goldenRecord('G00000001', [], [sap, u8], []);
    expect(golden.fields.name).toEqual({ value: '北京华信科技有限公司', from: 'u8:KH1' });
    expect(golden.fields.address).toEqual({ value: '北京市朝阳区建国路 88 号', from: 'sap:100259' });
    expect(golden.fields.contact).toEqual({ value: '', from: '' });
  });

  it('lets a valid USCC win the tax id over a newer old tax number', () => {
    expect(goldenRecord('G00000001', [], [u8, sap], []).fields.taxId).toEqual({ value: '91110000600037341L', from: 'sap:100259' });
  });

  it('puts source priority before recency', () => {
    expect(goldenRecord('G00000001', [], [u8, sap], ['sap']).fields.name).toEqual({ value: 'HUAXIN TECH', from: 'sap:100259' });
  });

  it('prefers the more complete record when neither has a date', () => {
    const sparse = record(0, 'a', '1', { name: 'X' });
    const full = record(1, 'b', '2', { name: 'Y', phone: '13912345678', address: '上海' });
    expect(goldenRecord('G00000001', [], [sparse, full], []).fields.name.from).toBe('b:2');
  });
});
