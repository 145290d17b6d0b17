/**
 * Value helpers for per-ERP seeders: they write the canonical customers into ERP tables and project
 * the records a source must report, so both sides agree on what counts as "no value".
 */

/** '' and spaces are "no value" in every ERP column custcode reads. */
export function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Drops null and undefined entries, so expected records carry only the fields the ERP has. */
export function definedFields<T extends Record<string, string | null | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: string;
  };
}
