import { describe, expect, it } from 'vitest';
import { codeOddities, formatCount, formatTimestamp, matchRanges, occurrenceOf, sortRows, type CustomerRow } from './format.js';

describe('console formatting', () => {
  it('groups thousands in both languages', () => {
    expect(formatCount(1910, 'zh-CN')).toBe('1,910');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
  });

  it('shows timestamps as YYYY-MM-DD HH:mm: zone-less ones as stored, zoned ones in the browser zone', () => {
    expect(formatTimestamp('2015-01-02T14:25:42')).toBe('2015-01-02 14:25');
    expect(formatTimestamp('2015-01-02 14:25:42.123')).toBe('2015-01-02 14:25');
    expect(formatTimestamp('2015-01-02')).toBe('2015-01-02');
    const zoned = new Date(Date.UTC(2015, 0, 2, 14, 25));
    const local = `${zoned.getFullYear()}-01-0${zoned.getDate()} ${String(zoned.getHours()).padStart(2, '0')}:${String(zoned.getMinutes()).padStart(2, '0')}`;
    expect(formatTimestamp('2015-01-02T14:25:42Z')).toBe(local);
    expect(formatTimestamp('not a date')).toBe('not a date');
  });

  it('names what is odd about a stored code', () => {
    expect(codeOddities('KH20210032')).toEqual([]);
    expect(codeOddities(' KH20210032')).toEqual(['leading']);
    expect(codeOddities('KH20210032 ')).toEqual(['trailing']);
    expect(codeOddities('')).toEqual(['empty']);
    expect(codeOddities('   ')).toEqual(['empty']);
    expect(codeOddities('ＫＨ20210032')).toEqual(['full-width']);
    expect(codeOddities('\u3000KH1')).toEqual(['leading', 'full-width']);
  });

  it('finds the search term case-insensitively, without overlaps', () => {
    expect(matchRanges('KH2021kh', 'kh')).toEqual([[0, 2], [6, 8]]);
    expect(matchRanges('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
    expect(matchRanges('北京华信', '华信')).toEqual([[2, 4]]);
    expect(matchRanges('abc', '  ')).toEqual([]);
  });

  it('sorts one field either way with missing values last, keeping the order of ties', () => {
    const rows = [{ id: 1, name: 'b' }, { id: 2 }, { id: 3, name: 'a' }, { id: 4, name: 'b' }, { id: 5, name: 'item10' }, { id: 6, name: 'item9' }];
    expect(sortRows(rows, { field: 'name', direction: 'asc' }).map((row) => row.id)).toEqual([3, 1, 4, 6, 5, 2]);
    expect(sortRows(rows, { field: 'name', direction: 'desc' }).map((row) => row.id)).toEqual([5, 6, 1, 4, 3, 2]);
    expect(sortRows(rows, undefined)).toEqual(rows);
  });

  it('counts which of several rows with one (code, org) a row is', () => {
    const row = (code: string, org?: string) => ({ source: 's', erp: 'file', code, name: code, status: 'active', ...(org ? { org } : {}) }) as CustomerRow;
    const rows = [row(''), row('', '1'), row(''), row('A'), row('')];
    expect(rows.map((_, index) => occurrenceOf(rows, index))).toEqual([1, 1, 2, 1, 3]);
  });
});
