import { describe, expect, it } from 'vitest';
import { dateInputProblem, filterEndExclusive, filterStart, toIsoDateTime } from './iso-date.js';

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

describe('dateInputProblem (the one check of dates users type)', () => {
  it('accepts real days and times in both separators', () => {
    for (const date of ['2024-02-29', '2023-12-31', '1753-01-01', '9999-12-31', '2024-01-01T00:00', '2024-01-01 23:59:59', '2024-06-30T08:30:05']) {
      expect(dateInputProblem(date), date).toBeUndefined();
    }
  });

  it('names what is impossible: month, day, time of day, year', () => {
    expect(dateInputProblem('2024-13-01')).toBe('"2024-13-01" is not a date: there is no month 13');
    expect(dateInputProblem('0000-00-00')).toBe('"0000-00-00" is not a date: there is no month 00');
    expect(dateInputProblem('2024-02-30')).toBe('"2024-02-30" is not a date: 2024-02 has no day 30');
    expect(dateInputProblem('2023-02-29')).toBe('"2023-02-29" is not a date: 2023-02 has no day 29');
    expect(dateInputProblem('2024-04-00')).toBe('"2024-04-00" is not a date: 2024-04 has no day 00');
    expect(dateInputProblem('2024-01-01T25:00')).toBe('"2024-01-01T25:00" is not a date: 25:00 is not a time of day (00:00:00 to 23:59:59)');
    expect(dateInputProblem('2024-01-01 12:60')).toContain('12:60 is not a time of day');
    expect(dateInputProblem('2024-01-01T23:59:60')).toContain('23:59:60 is not a time of day');
    expect(dateInputProblem('1752-12-31')).toBe('"1752-12-31" is before 1753-01-01, the earliest date every supported database can compare');
  });

  it('refuses other forms and keeps long input short in the message', () => {
    for (const text of ['', '2024', '2024-1-5', '05/01/2024', '2024-01-01Z', '2024-01-01T10:00:00.5', '2024-01-01T10', ' 2024-01-01', '２０２４-01-01']) {
      expect(dateInputProblem(text), JSON.stringify(text)).toMatch(/is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:mm\[:ss\]$/);
    }
    expect(dateInputProblem('9'.repeat(10_000))!.length).toBeLessThan(120);
  });

  it('gives a bound for the last day that still sorts after every time of that day', () => {
    expect(filterEndExclusive('9999-12-31')).toEqual({ value: '9999-12-31T23:59:59', inclusive: true });
  });
});
