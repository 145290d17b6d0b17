import { ConfigError } from '@custcode/core';
import type { RuleDate } from './rule-types.js';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a ConfigError unless `timeZone` is a known IANA zone. */
export function checkTimeZone(timeZone: string): void {
  if (formatters.has(timeZone)) return;
  try {
    formatters.set(
      timeZone,
      new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }),
    );
  } catch (error) {
    throw new ConfigError({
      message: `Unknown time zone ${JSON.stringify(timeZone)} for rule dates.`,
      hint: 'Use an IANA name such as Asia/Shanghai or UTC.',
      cause: error,
    });
  }
}

const zoneLess = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]*)?$/;

/** The calendar date of `date` in `timeZone`; zone-less ISO strings are already local and used as written. */
export function calendarDate(date: RuleDate | undefined, timeZone: string): CalendarDate {
  if (typeof date === 'string') {
    const local = zoneLess.exec(date);
    if (local) return { year: Number(local[1]), month: Number(local[2]), day: Number(local[3]) };
    const parsed = new Date(date);
    if (Number.isNaN(parsed.getTime())) {
      throw new ConfigError({ message: `The date ${JSON.stringify(date)} is not an ISO 8601 date.`, hint: 'Pass a date such as 2026-03-05.' });
    }
    return calendarDate(parsed, timeZone);
  }
  checkTimeZone(timeZone);
  const parts = (formatters.get(timeZone) as Intl.DateTimeFormat).formatToParts(date ?? new Date());
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day') };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
