import type { SourceConfig } from '../config/config-schema.js';
import { errorJson } from '../output/report-error.js';
import { renderTable } from '../output/table.js';
import { loadExport } from '../sources/load-factory.js';
import { sapOptionsOf } from '../sources/sap-options.js';

/** The parts of `checkSapAccess`'s report the CLI prints (the adapter package owns the full type). */
export interface SapAccessReport {
  functionModule: string;
  user?: string;
  checks: Array<{ object: string; values: Record<string, string>; neededFor: string; required: boolean; status: string; exception?: string }>;
}

/**
 * `sources --check` on an SAP source: the function modules and tables it needs and which of them this RFC
 * user may use, probed by the adapter; a failure of the probe itself is reported in its place.
 */
export async function checkSapAuthorizations(name: string, config: Extract<SourceConfig, { erp: 'sap' }>, directory: string, env: NodeJS.ProcessEnv): Promise<SapAccessReport | { error: Record<string, unknown> }> {
  let secrets: string[] = [];
  try {
    const sap = await sapOptionsOf(name, config, directory, env);
    secrets = sap.secrets;
    return await (await loadExport<(options: unknown) => Promise<SapAccessReport>>('@custcode/adapter-sap', 'checkSapAccess', 'sap'))(sap.options);
  } catch (error) {
    return { error: errorJson(error, secrets) };
  }
}

/** The report as a table a basis team can act on: object, values to grant, what for, and this user's status. */
export function renderSapAuthorizations(name: string, report: SapAccessReport): string {
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
