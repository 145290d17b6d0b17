const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A backend's date/datetime value as an ISO 8601 local date-time (`2024-01-05T09:30:00`), or undefined.
 * ERP datetimes carry no zone: strings keep their wall-clock value, `Date` objects are read in UTC
 * (drivers are configured so that UTC getters give back the stored wall-clock value).
 * Accepts `YYYYMMDD` (SAP DATS; `00000000` and blanks mean no date).
 */
export function toIsoDateTime(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return (
      `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` +
      `T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
    );
  }
  // The common case, a DATETIME as text ('2024-01-02 08:00:00'), without the general parsing below.
  if (typeof value === 'string') {
    if (value.length === 19 && DATE_TIME.test(value)) return value[10] === 'T' ? value : `${value.slice(0, 10)}T${value.slice(11)}`;
    if (value.length === 10 && DATE_ONLY.test(value)) return `${value}T00:00:00`;
  }
  const text = String(value).trim();
  if (text === '' || /^0+$/.test(text)) return undefined;
  const dats = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (dats) return `${dats[1]}-${dats[2]}-${dats[3]}T00:00:00`;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(text);
  if (!match) return undefined;
  const time = match[2] ?? '00:00:00';
  return `${match[1]}T${time.length === 5 ? `${time}:00` : time}`;
}

/** The forms a date typed by a user may take. */
export const DATE_INPUT_FORMAT = 'YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss]';
/** The earliest year a date filter may name: SQL Server's datetime starts in 1753; every other backend reaches further. */
export const MIN_DATE_INPUT_YEAR = 1753;
const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Why `text` is not a date a user may give, or undefined when it is one: `YYYY-MM-DD`, optionally with
 * `THH:mm[:ss]` (or a space for the T), naming a day the calendar has (no month 13, no 30 February), a time
 * of day that exists (no 25:00) and a year from 1753 to 9999. The one check behind every date typed at the
 * edge: query filters (CLI flags, API parameters, views, `--ask`), `changes --since`, `access-log --since`, `--date`.
 */
export function dateInputProblem(text: string): string | undefined {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const match = DATE_INPUT.exec(text);
  if (!match) return `${shown} is not a date: expected ${DATE_INPUT_FORMAT}`;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const impossible = (what: string) => `${shown} is not a date: ${what}`;
  if (month < 1 || month > 12) return impossible(`there is no month ${match[2]}`);
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return impossible(`${match[1]}-${match[2]} has no day ${match[3]}`);
  if (hour > 23 || minute > 59 || second > 59) return impossible(`${text.slice(11)} is not a time of day (00:00:00 to 23:59:59)`);
  if (year < MIN_DATE_INPUT_YEAR) return `${shown} is before ${MIN_DATE_INPUT_YEAR}-01-01, the earliest date every supported database can compare`;
  return undefined;
}

/** Lower bound of a date filter as an ISO local date-time. */
export function filterStart(date: string): string {
  return toIsoDateTime(date) ?? date;
}

/** Exclusive upper bound for an inclusive `createdTo`: a bare date includes that whole day. */
export function filterEndExclusive(date: string): { value: string; inclusive: boolean } {
  // The day after 9999-12-31 has a five-digit year, which sorts before it as text: end with its last second.
  if (date === '9999-12-31') return { value: '9999-12-31T23:59:59', inclusive: true };
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { value: toIsoDateTime(next)!, inclusive: false };
  }
  return { value: filterStart(date), inclusive: true };
}
