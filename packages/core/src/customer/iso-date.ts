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

/** Lower bound of a date filter as an ISO local date-time. */
export function filterStart(date: string): string {
  return toIsoDateTime(date) ?? date;
}

/** Exclusive upper bound for an inclusive `createdTo`: a bare date includes that whole day. */
export function filterEndExclusive(date: string): { value: string; inclusive: boolean } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { value: toIsoDateTime(next)!, inclusive: false };
  }
  return { value: filterStart(date), inclusive: true };
}
