const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Wall-clock fields of an instant in an IANA time zone, as `YYYY-MM-DDTHH:mm:ss`. */
function wallTime(epochMs: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

const utcFields = (epochMs: number) => {
  const date = new Date(epochMs);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
};

/**
 * An OData V2 JSON date as the ERP's local `YYYY-MM-DDTHH:mm:ss`:
 * - `/Date(ms)/` (Edm.DateTime): SAP Gateway writes ABAP dates and local times as if they were UTC, so the
 *   UTC fields ARE the ERP's wall time (no shift; shifting would move dates by a day);
 * - `/Date(ms+0480)/` (Edm.DateTimeOffset, offset in minutes): `ms` is the instant in UTC, shown in `timeZone`;
 * - `2024-01-31T08:00:00` (an ISO string, as some services send): kept.
 * Null, empty and SAP's initial date (year 0/1, or before 1900-01-01) are undefined.
 */
export function decodeODataDate(value: unknown, timeZone: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (match) {
    const epochMs = Number(match[1]);
    if (epochMs < Date.UTC(1900, 0, 1)) return undefined;
    return match[2] === undefined ? utcFields(epochMs) : wallTime(epochMs, timeZone);
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!iso) return undefined;
  const time = iso[2] ?? '00:00:00';
  return `${iso[1]}T${time.length === 5 ? `${time}:00` : time}`;
}

/** An Edm.Time value (`PT14H30M05S`) as `HH:mm:ss`; undefined when absent or unreadable. */
export function decodeODataTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.\d+)?S)?$/.exec(value);
  if (!match || value === 'PT') return undefined;
  return `${pad(Number(match[1] ?? 0))}:${pad(Number(match[2] ?? 0))}:${pad(Number(match[3] ?? 0))}`;
}

/** A `YYYY-MM-DD…` date as `/Date(ms)/` of its wall time (the emulator's and the tests' encoder). */
export function encodeODataDate(isoLocal: string): string {
  const [date, time = '00:00:00'] = isoLocal.split('T') as [string, string?];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number?];
  return `/Date(${Date.UTC(year, month - 1, day, hour, minute, second ?? 0)})/`;
}

/** `HH:mm:ss` as Edm.Time `PT14H30M05S`. */
export const encodeODataTime = (time: string) => {
  const [hour, minute, second] = time.split(':');
  return `PT${hour}H${minute}M${second ?? '00'}S`;
};
