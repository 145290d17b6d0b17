import type { AuthorizationReport } from '@custcode/core';
import type { SourceConfig } from '../config/config-schema.js';
import { adapterOf, type LoadedConfig } from '../config/load-config.js';
import { errorJson } from '../output/report-error.js';
import { renderTable } from '../output/table.js';
import { cliAdapterContext } from '../sources/adapter-context.js';

/**
 * `sources --check` on a source whose product checks authorizations (SAP): what the backend user needs and
 * which of it this user may use, probed by the adapter; a failure of the probe itself is reported in its
 * place. Undefined for products without such a check.
 */
export async function checkAuthorizations(loaded: LoadedConfig, name: string, config: SourceConfig, env: NodeJS.ProcessEnv): Promise<AuthorizationReport | { error: Record<string, unknown> } | undefined> {
  const descriptor = adapterOf(loaded, config);
  if (descriptor.checkAuthorizations === undefined) return undefined;
  const secrets: string[] = [];
  try {
    return await descriptor.checkAuthorizations(config, cliAdapterContext(loaded, name, env, secrets));
  } catch (error) {
    return { error: errorJson(error, secrets) };
  }
}

/** The report as a table a basis team can act on: object, values to grant, what for, and this user's status. */
export function renderAuthorizations(name: string, report: AuthorizationReport): string {
  const rows = report.checks.map((check) => [
    check.object,
    Object.entries(check.values).map(([field, value]) => `${field}=${value}`).join(' '),
    check.neededFor,
    check.required ? 'yes' : 'no',
    check.exception === undefined ? check.status : `${check.status} (${check.exception})`,
  ]);
  const user = report.user === undefined ? 'the RFC user' : `RFC user ${report.user}`;
  return `\n${name}: authorizations ${user} needs (${report.functionModule})\n${renderTable(['object', 'values', 'needed for', 'required', 'status'], rows)}`;
}
