/** A date range a phrase means; either end may be open. Dates are `YYYY-MM-DD`, both ends inclusive. */
export interface DateRange {
  from?: string;
  to?: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const utc = (text: string) => new Date(`${text}T00:00:00Z`);
const addDays = (text: string, days: number) => {
  const date = utc(text);
  date.setUTCDate(date.getUTCDate() + days);
  return day(date);
};
const pad = (value: number, width = 2) => String(value).padStart(width, '0');
// Built as text, not through Date (which rolls month 13 over into the next year): the caller checks the result.
const monthStart = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}-01`;
// 2000 + year % 400 has the same leap years as `year` (the Gregorian cycle), and Date reads it as written.
const monthEnd = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}-${month >= 1 && month <= 12 ? pad(new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate()) : '01'}`;

interface DateRule {
  pattern: RegExp;
  range: (match: RegExpExecArray, today: string) => DateRange;
}

const NUMBER_WORDS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const count = (text: string) => NUMBER_WORDS[text] ?? Number(text);

/** Mondays start weeks (GB/T 7408, and how Chinese calendars print). */
function weekStart(today: string): string {
  const weekday = (utc(today).getUTCDay() + 6) % 7;
  return addDays(today, -weekday);
}

/**
 * Date phrases, most specific first. Each gives a range relative to `today`. The grammar is documented in
 * README.md; keep the two in step.
 */
export const DATE_RULES: readonly DateRule[] = [
  { pattern: /(\d{4}-\d{2}-\d{2})\s*(?:以后|以来|之后|后|起|至今)/, range: (match) => ({ from: match[1]! }) },
  { pattern: /(?:since|after|from)\s+(\d{4}-\d{2}-\d{2})/i, range: (match) => ({ from: match[1]! }) },
  { pattern: /(\d{4}-\d{2}-\d{2})\s*(?:以前|之前|前)/, range: (match) => ({ to: addDays(match[1]!, -1) }) },
  { pattern: /before\s+(\d{4}-\d{2}-\d{2})/i, range: (match) => ({ to: addDays(match[1]!, -1) }) },
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?\s*(?:以后|以来|之后|起)/, range: (match) => ({ from: monthStart(+match[1]!, +match[2]!) }) },
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?/, range: (match) => ({ from: monthStart(+match[1]!, +match[2]!), to: monthEnd(+match[1]!, +match[2]!) }) },
  { pattern: /(\d{4})\s*年?\s*(?:以后|以来|之后|起|至今)/, range: (match) => ({ from: `${match[1]}-01-01` }) },
  { pattern: /(\d{4})\s*年?\s*(?:以前|之前)/, range: (match) => ({ to: `${pad(+match[1]! - 1, 4)}-12-31` }) },
  { pattern: /(?:since|from)\s+(\d{4})\b/i, range: (match) => ({ from: `${match[1]}-01-01` }) },
  { pattern: /after\s+(\d{4})\b/i, range: (match) => ({ from: `${pad(+match[1]! + 1, 4)}-01-01` }) },
  { pattern: /before\s+(\d{4})\b/i, range: (match) => ({ to: `${pad(+match[1]! - 1, 4)}-12-31` }) },
  { pattern: /(?:\bin\s+)?(\d{4})\s*年(?:度)?|\bin\s+(\d{4})\b/i, range: (match) => ({ from: `${match[1] ?? match[2]}-01-01`, to: `${match[1] ?? match[2]}-12-31` }) },
  { pattern: /(?:最近|近|过去)\s*([0-9]+|[一两二三四五六七八九十])\s*(?:天|日)/, range: (match, today) => ({ from: addDays(today, -count(match[1]!)) }) },
  { pattern: /(?:last|past)\s+(\d+)\s+days?/i, range: (match, today) => ({ from: addDays(today, -Number(match[1])) }) },
  { pattern: /(?:最近|近|过去)\s*([0-9]+|[一两二三四五六七八九十])\s*个?月/, range: (match, today) => ({ from: shiftMonths(today, -count(match[1]!)) }) },
  { pattern: /(?:last|past)\s+(\d+)\s+months?/i, range: (match, today) => ({ from: shiftMonths(today, -Number(match[1])) }) },
  { pattern: /上个?月|last\s+month/i, range: (_match, today) => previousMonth(today) },
  { pattern: /本月|这个月|this\s+month/i, range: (_match, today) => ({ from: `${today.slice(0, 7)}-01` }) },
  { pattern: /上周|上个?星期|last\s+week/i, range: (_match, today) => ({ from: addDays(weekStart(today), -7), to: addDays(weekStart(today), -1) }) },
  { pattern: /本周|这周|这个?星期|this\s+week/i, range: (_match, today) => ({ from: weekStart(today) }) },
  { pattern: /今年|本年|this\s+year/i, range: (_match, today) => ({ from: `${today.slice(0, 4)}-01-01` }) },
  { pattern: /去年|last\s+year/i, range: (_match, today) => ({ from: `${+today.slice(0, 4) - 1}-01-01`, to: `${+today.slice(0, 4) - 1}-12-31` }) },
  { pattern: /昨天|yesterday/i, range: (_match, today) => ({ from: addDays(today, -1), to: addDays(today, -1) }) },
  { pattern: /今天|today/i, range: (_match, today) => ({ from: today }) },
];

function shiftMonths(today: string, months: number): string {
  const date = utc(today);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return day(target);
}

function previousMonth(today: string): DateRange {
  const year = +today.slice(0, 4);
  const month = +today.slice(5, 7);
  const previousYear = month === 1 ? year - 1 : year;
  const previous = month === 1 ? 12 : month - 1;
  return { from: monthStart(previousYear, previous), to: monthEnd(previousYear, previous) };
}

/** Today as `YYYY-MM-DD` in local time. */
export function localToday(): string {
  const now = new Date();
  return day(new Date(now.getTime() - now.getTimezoneOffset() * 60_000));
}
