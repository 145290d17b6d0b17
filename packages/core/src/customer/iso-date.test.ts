import { describe, expect, it } from 'vitest';
import { filterEndExclusive, filterStart, toIsoDateTime } from './iso-date.js';

describe('toIsoDateTime', () => {
  it('keeps the wall-clock value of date-time strings in both separators', () => {
    expect(toIsoDateTime('2024-01-05 09:30:00')).toBe('2024-01-05T09:30:00');
    expect(toIsoDateTime('2024-01-05T09:30:00.123')).toBe('2024-01-05T09:30:00');
    expect(toIsoDateTime('2024-01-05T09:30')).toBe('2024-01-05T09:30:00');
    expect(toIsoDateTime(' 2024-01-05 ')).toBe('2024-01-05T00:00:00');
  });

  it('reads SAP DATS (YYYYMMDD); zeros and blanks mean no date', () => {
    expect(toIsoDateTime('20240105')).toBe('2024-01-05T00:00:00');
    expect(toIsoDateTime('00000000')).toBeUndefined();
    expect(toIsoDateTime('        ')).toBeUndefined();
    expect(toIsoDateTime('')).toBeUndefined();
  });

  it('reads Date objects with UTC getters (drivers return stored wall-clock time as UTC)', () => {
    expect(toIsoDateTime(new Date(Date.UTC(2024, 0, 5, 9, 30, 7)))).toBe('2024-01-05T09:30:07');
    expect(toIsoDateTime(new Date(Date.UTC(999, 11, 31)))).toBe('0999-12-31T00:00:00');
    expect(toIsoDateTime(new Date('not a date'))).toBeUndefined();
  });

  it('gives undefined for null, undefined and text that is not a date', () => {
    for (const value of [null, undefined, 'yesterday', '05/01/2024', 12]) expect(toIsoDateTime(value), String(value)).toBeUndefined();
  });
});

describe('date filter bounds', () => {
  it('filterStart turns a date into the start of that day', () => {
    expect(filterStart('2024-01-05')).toBe('2024-01-05T00:00:00');
    expect(filterStart('2024-01-05 10:15')).toBe('2024-01-05T10:15:00');
  });

  it('a bare createdTo date includes the whole day (exclusive bound the next morning), across month and year ends', () => {
    expect(filterEndExclusive('2024-01-05')).toEqual({ value: '2024-01-06T00:00:00', inclusive: false });
    expect(filterEndExclusive('2024-02-29')).toEqual({ value: '2024-03-01T00:00:00', inclusive: false });
    expect(filterEndExclusive('2023-12-31')).toEqual({ value: '2024-01-01T00:00:00', inclusive: false });
  });

  it('a createdTo with a time is an inclusive bound', () => {
    expect(filterEndExclusive('2024-01-05T10:00')).toEqual({ value: '2024-01-05T10:00:00', inclusive: true });
  });
});
