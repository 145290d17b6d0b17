import { isCustcodeError } from '@custcode/core';
import { CDHDR_FIELDS, CDPOS_FIELDS } from './mappings/change-documents.js';
import { textTableReads } from './mappings/text-tables.js';
import { kna1FieldsOf, orgLevelOf } from './read-plan.js';
import { rfcGrantFor } from './rfc/function-groups.js';
import { ReadTableClient } from './rfc/read-table.js';
import { rfcErrorKey } from './rfc/rfc-errors.js';
import { createRfcTransport } from './rfc/rfc-transport.js';
import { parseSapSourceOptions, type ResolvedSapSourceOptions, type SapSourceOptions } from './sap-options.js';

/** One authorization the RFC user needs, as a basis team maintains it (PFCG), and whether this user has it. */
export interface SapAuthorizationCheck {
  object: 'S_RFC' | 'S_TABU_NAM';
  /** The authorization's field values, e.g. `{ ACTVT: '03', TABLE: 'KNA1' }`. */
  values: Record<string, string>;
  /** What custcode needs it for. */
  neededFor: string;
  /** False for what custcode can do without (text tables: codes are reported instead of names). */
  required: boolean;
  /**
   * `granted`: a probe call went through; `missing`: SAP refused it for lack of this authorization; `failed`:
   * another exception (`exception` says which); `not probed`: custcode cannot test it on its own.
   */
  status: 'granted' | 'missing' | 'failed' | 'not probed';
  /** The exception SAP raised, when it raised one. */
  exception?: string;
}

export interface SapAccessReport {
  functionModule: string;
  /** The RFC user, when connection parameters name it. */
  user?: string;
  checks: SapAuthorizationCheck[];
}

interface TableNeed {
  table: string;
  fields: string[];
  neededFor: string;
  required: boolean;
}

/** The tables a source configured like `options` reads, with the fields it asks for. */
function tableNeeds(options: ResolvedSapSourceOptions): TableNeed[] {
  const needs: TableNeed[] = [{ table: 'KNA1', fields: kna1FieldsOf(options), neededFor: 'customer general data (every read)', required: true }];
  const orgLevel = orgLevelOf(options.orgScope);
  if (orgLevel) needs.push({ table: orgLevel.table, fields: orgLevel.fields, neededFor: `orgScope ${orgLevel.scope}`, required: true });
  if (options.texts) {
    const reads = textTableReads(options);
    needs.push(
      { table: reads.region.table, fields: reads.region.fields, neededFor: 'region names (without it: region codes)', required: false },
      { table: reads.category.table, fields: reads.category.fields, neededFor: 'category names (without it: category codes)', required: false },
    );
  }
  if (options.changeDocuments) {
    needs.push(
      { table: 'CDHDR', fields: CDHDR_FIELDS, neededFor: 'updatedSince and changes --since (change documents; without it set changeDocuments: false)', required: false },
      { table: 'CDPOS', fields: CDPOS_FIELDS, neededFor: 'which fields changed, for changes --since', required: false },
    );
  }
  return needs;
}

/** Groups the RFC library itself calls around every call; custcode cannot call them on their own. */
const LIBRARY_GROUPS: Array<[string, string]> = [
  ['SYST', 'logon and ping (RFC_PING)'],
  ['RFC1', "the RFC library's lookup of the read module's interface"],
  ['SDIFRUNTIME', "the RFC library's lookup of the read module's structures (DDIF_FIELDINFO_GET)"],
];

/**
 * Lists the function modules and tables an SAP source configured like `options` needs and probes which of
 * them this RFC user may use: one metadata-only call (NO_DATA = 'X', no rows) per table, with the fields
 * the source reads. The module's authority check runs before anything else, so a refusal shows without
 * reading data. Connection failures are thrown; refusals are reported.
 */
export async function checkSapAccess(options: SapSourceOptions): Promise<SapAccessReport> {
  const parsed = parseSapSourceOptions(options);
  const transport = createRfcTransport(parsed);
  const reader = new ReadTableClient(transport, parsed.functionModule, parsed.rowWidth);
  const grant = rfcGrantFor(parsed.functionModule);
  const readModule: SapAuthorizationCheck = {
    object: 'S_RFC',
    values: { ACTVT: '16', RFC_TYPE: grant.type, RFC_NAME: grant.name },
    neededFor: `calling the read module ${parsed.functionModule}`,
    required: true,
    status: 'not probed',
  };
  const library = LIBRARY_GROUPS.map(([name, neededFor]): SapAuthorizationCheck => ({ object: 'S_RFC', values: { ACTVT: '16', RFC_TYPE: 'FUGR', RFC_NAME: name }, neededFor, required: true, status: 'not probed' }));
  const needs = tableNeeds(parsed);
  const tables = needs.map((need): SapAuthorizationCheck => ({ object: 'S_TABU_NAM', values: { ACTVT: '03', TABLE: need.table }, neededFor: need.neededFor, required: need.required, status: 'not probed' }));
  try {
    for (const [index, need] of needs.entries()) {
      const check = tables[index]!;
      try {
        await reader.fieldInfo(need.table, need.fields);
        check.status = 'granted';
        readModule.status = 'granted';
      } catch (error) {
        const exception = exceptionOf(error);
        if (exception === undefined) throw error;
        // No S_RFC, or no such module: the call never reached a table, so no table can be probed.
        if (MODULE_EXCEPTIONS.has(exception)) {
          Object.assign(readModule, { status: exception === 'RFC_NO_AUTHORITY' ? 'missing' : 'failed', exception });
          break;
        }
        readModule.status = 'granted';
        Object.assign(check, { status: exception === 'NOT_AUTHORIZED' ? 'missing' : 'failed', exception });
      }
    }
  } finally {
    await transport.close();
  }
  const user = parsed.connectionParameters?.user ?? parsed.connectionParameters?.USER;
  return { functionModule: parsed.functionModule, ...(user === undefined ? {} : { user }), checks: [readModule, ...library, ...tables] };
}

const MODULE_EXCEPTIONS = new Set(['RFC_NO_AUTHORITY', 'FU_NOT_FOUND', 'RFC_NOT_FOUND']);

/** The SAP exception behind a refusal or a failed probe; undefined for what is not SAP's answer (connection, driver). */
function exceptionOf(error: unknown): string | undefined {
  if (isCustcodeError(error, 'CONNECTION_FAILED') || isCustcodeError(error, 'DRIVER_MISSING')) return undefined;
  if (!isCustcodeError(error)) return undefined;
  return rfcErrorKey(error.cause) ?? (error as { backendCode?: string }).backendCode ?? error.code;
}
