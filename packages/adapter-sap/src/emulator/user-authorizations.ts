import { FUNCTION_GROUPS } from '../rfc/function-groups.js';

/**
 * What one SAP user may do, as the emulator checks it. A real system grants display rights on tables with
 * S_TABU_NAM (per table) or S_TABU_DIS (per authorization group, TDDAT); the emulator models grants per
 * table name, since the groups of the customer tables were not confirmed.
 */
export interface SapUserAuthorizations {
  /** Tables this user may display (S_TABU_NAM, ACTVT 03); `'*'` = all. */
  tables: string[] | '*';
  /** S_RFC (ACTVT 16): function groups (`SDTX`) or function modules the user may call; default `'*'`. */
  rfc?: string[] | '*';
}


const grants = (list: string[] | '*' | undefined, ...names: Array<string | undefined>) =>
  list === undefined || list === '*' || names.some((name) => name !== undefined && list.includes(name));

/**
 * The checks of one logged-on user. Without `authorizations` everything is allowed; with them, a user who
 * is not listed has no authorizations at all (as a user without roles).
 */
export function userChecks(user: string, authorizations: Record<string, SapUserAuthorizations> | undefined) {
  const own = authorizations === undefined ? { tables: '*' as const } : authorizations[user];
  return {
    /** AUTHORITY_CHECK_RFC: may `user` call this function module (by its group or its name)? */
    mayCall: (functionModule: string) => own !== undefined && grants(own.rfc, FUNCTION_GROUPS[functionModule], functionModule),
    /** VIEW_AUTHORITY_CHECK with action 'S' (display). */
    mayDisplay: (table: string) => own !== undefined && grants(own.tables, table),
  };
}
