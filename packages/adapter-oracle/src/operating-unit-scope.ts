import type { CustomerSource, LookupOptions } from '@custcode/core';

/** ORG_IDs are NUMBERs: this one exists nowhere, so asking for it finds nothing. */
const NO_OPERATING_UNIT = '-1';
const orgId = /^(0|[1-9]\d*)$/;

/**
 * Two rules about the org a caller asks for. `ORG_ID` is a NUMBER, so an org that is not a plain
 * number matches nothing: it is replaced by an id that cannot exist instead of being bound against
 * the number column (which fails with ORA-01722 / PostgreSQL 22P02). And with `defaultOrg` (like an
 * EBS responsibility's operating unit) calls that name no org use it; an explicit org still wins.
 */
export function scopeOperatingUnits(source: CustomerSource, defaultOrg: string | undefined): CustomerSource {
  const org = (asked: string | undefined) => {
    const wanted = asked ?? defaultOrg;
    return wanted === undefined ? undefined : orgId.test(wanted) ? wanted : NO_OPERATING_UNIT;
  };
  const lookup = (options: LookupOptions = {}): LookupOptions => {
    const wanted = org(options.org);
    return wanted === undefined ? options : { ...options, org: wanted };
  };
  return {
    specificationVersion: source.specificationVersion,
    name: source.name,
    erp: source.erp,
    get: (code, options) => source.get(code, lookup(options)),
    getMany: (codes, options) => source.getMany(codes, lookup(options)),
    search: (query = {}) => source.search(lookup(query)),
    count: (query = {}) => source.count(lookup(query)),
    describe: () => {
      const description = source.describe();
      return defaultOrg === undefined ? description : { ...description, details: { ...description.details, defaultOrg } };
    },
    close: () => source.close(),
  };
}
