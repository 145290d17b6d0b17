import { isCustcodeError, type AuthorizationReport } from '@custcode/core';
import { A_BUSINESS_PARTNER, A_CUSTOMER, odataOrgLevelOf } from './odata-entities.js';
import { createODataHttpClient } from './odata-http.js';
import { parseSapODataOptions, type SapODataSourceOptions } from './odata-options.js';

/**
 * What `custcode sources --check` shows for an OData source: each entity set the source reads, probed with one
 * `$top=1` read of its key. 403 → missing (the communication arrangement or role does not cover it); another
 * failure (logon, service not activated) → failed, with the error code.
 */
export async function checkODataAccess(options: SapODataSourceOptions): Promise<AuthorizationReport> {
  const parsed = parseSapODataOptions(options);
  const http = createODataHttpClient(parsed);
  const orgLevel = odataOrgLevelOf(parsed.orgScope);
  const needs = [
    { entitySet: A_CUSTOMER, neededFor: 'customer general data (every read)' },
    { entitySet: A_BUSINESS_PARTNER, neededFor: 'short name, address, phone, change date' },
    ...(orgLevel ? [{ entitySet: orgLevel.entitySet, neededFor: `org scope ${orgLevel.scope}` }] : []),
  ];
  const checks = await Promise.all(
    needs.map(async ({ entitySet, neededFor }) => {
      const base = { object: 'OData entity set', values: { SERVICE: 'API_BUSINESS_PARTNER', ENTITY_SET: entitySet }, neededFor, required: true };
      try {
        await http.get(`${entitySet}?$top=1&$select=Customer`, entitySet);
        return { ...base, status: 'granted' as const };
      } catch (error) {
        if (isCustcodeError(error, 'NOT_AUTHORIZED')) return { ...base, status: 'missing' as const, exception: 'HTTP 403' };
        return { ...base, status: 'failed' as const, exception: isCustcodeError(error) ? error.code : 'ERROR' };
      }
    }),
  );
  return { functionModule: 'API_BUSINESS_PARTNER (OData V2)', ...('basic' in parsed.auth ? { user: parsed.auth.basic.user } : { user: parsed.auth.oauth.clientId }), checks };
}
