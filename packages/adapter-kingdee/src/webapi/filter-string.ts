import type { CustomerFilter, Cursor } from '@custcode/core';
import { filterEndExclusive, filterStart } from '@custcode/core/adapter';
import { K3CLOUD_UNAUDITED_STATUSES } from '../mappings/k3cloud-customer-mapping.js';

/**
 * Builds `ExecuteBillQuery` FilterStrings. User text only ever appears inside a quoted literal with
 * quotes doubled (and LIKE wildcards bracketed, the T-SQL way: K/3 Cloud runs on SQL Server and copies
 * the FilterString into its WHERE clause); field keys and operators come from this file only.
 */
export const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `%`, `_` and `[` are wildcards in SQL Server LIKE; `[x]` matches them literally. */
export const escapeLike = (value: string) => value.replace(/[[%_]/g, (character) => `[${character}]`);

const unaudited = `(${K3CLOUD_UNAUDITED_STATUSES.map(quoteLiteral).join(',')})`;
const orgIdPattern = /^\d{1,18}$/;

/** A FilterString, or `false` when nothing can match (an org that is not an id, only `deleted` asked for). */
export type FilterPlan = string | false;

/** Conditions for a search page: every pushed filter, the org scope and the keyset position. */
export function filterStringFor(filter: CustomerFilter, after?: Cursor): FilterPlan {
  const parts: string[] = [];
  // Without an org a search streams every use-org's row (ordered by code, then org).
  if (filter.org !== undefined) {
    const org = orgCondition(filter.org);
    if (org === false) return false;
    parts.push(org);
  }
  if (filter.codePrefix !== undefined && filter.codePrefix !== '') parts.push(`FNumber like ${quoteLiteral(`${escapeLike(filter.codePrefix)}%`)}`);
  // An empty name matches every record (names are never absent), so it is not pushed down.
  if (filter.name !== undefined && filter.name !== '') parts.push(`FName like ${quoteLiteral(`%${escapeLike(filter.name)}%`)}`);
  if (filter.phone !== undefined) parts.push(`FTEL like ${quoteLiteral(`%${escapeLike(filter.phone)}%`)}`);
  // Category and region match the name (what Customer holds) or the number, as the SQL mapping does.
  if (filter.category !== undefined) {
    const value = quoteLiteral(filter.category);
    parts.push(`(FGroup.FName = ${value} or FGroup.FNumber = ${value})`);
  }
  if (filter.region !== undefined) {
    const value = quoteLiteral(filter.region);
    parts.push(`(FPROVINCIAL.FDataValue = ${value} or FPROVINCIAL.FNumber = ${value})`);
  }
  const status = statusCondition(filter.status);
  if (status === false) return false;
  if (status) parts.push(status);
  if (filter.createdFrom !== undefined) parts.push(`FCreateDate >= ${quoteLiteral(filterStart(filter.createdFrom))}`);
  if (filter.createdTo !== undefined) {
    const end = filterEndExclusive(filter.createdTo);
    parts.push(`FCreateDate ${end.inclusive ? '<=' : '<'} ${quoteLiteral(end.value)}`);
  }
  if (filter.updatedSince !== undefined) {
    const since = quoteLiteral(filterStart(filter.updatedSince));
    parts.push(`(FModifyDate >= ${since} or (FModifyDate is null and FCreateDate >= ${since}))`);
  }
  if (after) {
    const code = quoteLiteral(after.code);
    const afterOrg = after.org !== undefined && orgIdPattern.test(after.org) ? after.org : undefined;
    parts.push(afterOrg === undefined ? `FNumber > ${code}` : `(FNumber > ${code} or (FNumber = ${code} and FUseOrgId > ${afterOrg}))`);
  }
  return parts.join(' and ');
}

/** Conditions for a batch lookup by code. */
export function lookupFilterString(codes: string[], org: string | undefined): FilterPlan {
  const orgPart = orgCondition(org);
  if (orgPart === false || codes.length === 0) return false;
  return `FNumber in (${codes.map(quoteLiteral).join(',')}) and ${orgPart}`;
}

/** For a lookup without an org, the creating org's own row stands for the customer (as in the SQL mapping). */
function orgCondition(org: string | undefined): string | false {
  if (org === undefined) return 'FUseOrgId = FCreateOrgId';
  return orgIdPattern.test(org) ? `FUseOrgId = ${org}` : false;
}

function statusCondition(status: CustomerFilter['status']): string | undefined | false {
  if (status === undefined) return undefined;
  const wanted = new Set(Array.isArray(status) ? status : [status]);
  const active = wanted.has('active');
  const blocked = wanted.has('blocked');
  if (active && blocked) return undefined;
  if (active) return `FForbidStatus <> 'B' and FDocumentStatus not in ${unaudited}`;
  if (blocked) return `(FForbidStatus = 'B' or FDocumentStatus in ${unaudited})`;
  return false; // K/3 Cloud keeps no deleted customers
}
