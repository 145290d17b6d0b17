import { BackendError, ConfigError, ConnectionError, CustcodeError, NotAuthorizedError } from '@custcode/core';
import { redactSecrets } from '@custcode/core/adapter';
import { rfcGrantFor } from './function-groups.js';
import type { RfcErrorShape } from './rfc-client.js';

export interface RfcCallContext {
  functionModule: string;
  table: string;
  fields: string[];
  /** Secrets (passwd) that must never appear in a message. */
  secrets: string[];
}

/** The exception name of an RFC failure: `key` for ABAP exceptions, else `codeString`. */
export function rfcErrorKey(error: unknown): string | undefined {
  const shape = (error ?? {}) as RfcErrorShape;
  return shape.key ?? shape.codeString;
}

/** The driver's error with secrets removed from its message: it is kept as `cause`, which users may print. */
function redactedCause(error: unknown, secrets: string[]): unknown {
  const shape = (error ?? {}) as RfcErrorShape;
  if (typeof shape.message !== 'string' || !secrets.some((secret) => secret.length >= 3 && shape.message!.includes(secret))) return error;
  const copy = new Error(redactSecrets(shape.message, secrets));
  return Object.assign(copy, { name: shape.name, code: shape.code, codeString: shape.codeString, key: shape.key });
}

/** Translates what node-rfc rejects with into a typed custcode error with a fix hint. */
export function translateRfcError(original: unknown, context: RfcCallContext): CustcodeError {
  if (CustcodeError.isInstance(original)) return original;
  const error = redactedCause(original, context.secrets);
  const shape = (error ?? {}) as RfcErrorShape;
  const key = rfcErrorKey(error) ?? 'UNKNOWN';
  const detail = redactSecrets(String(shape.message ?? error), context.secrets);
  const where = `${context.functionModule} on ${context.table}`;
  switch (key) {
    case 'NOT_AUTHORIZED':
      return new NotAuthorizedError({
        message: `SAP refused ${where}: NOT_AUTHORIZED (the RFC user may not display table ${context.table}).`,
        hint:
          `Give the RFC user display authorization for ${context.table} (S_TABU_DIS for its authorization group or S_TABU_NAM for the table) and S_RFC for ${context.functionModule}` +
          (['T005U', 'T077X', 'TKUKT'].includes(context.table)
            ? ', or set texts: false to report region and category codes instead of names.'
            : ['CDHDR', 'CDPOS'].includes(context.table)
              ? ' (change documents, for updatedSince and changes --since), or set changeDocuments: false to compare the creation date ERDAT only.'
              : '.'),
        cause: error,
      });
    case 'RFC_NO_AUTHORITY':
      return new NotAuthorizedError({
        message: `SAP refused to run ${context.functionModule}: the RFC user has no S_RFC authorization for it (${detail}).`,
        hint: `Give the RFC user S_RFC (ACTVT 16, RFC_TYPE ${rfcGrantFor(context.functionModule).type}, RFC_NAME ${rfcGrantFor(context.functionModule).name}); \`custcode sources --check\` lists every authorization this source needs.`,
        cause: error,
      });
    case 'TABLE_NOT_AVAILABLE':
      return new BackendError({
        backendCode: key,
        message: `${where} raised TABLE_NOT_AVAILABLE: the table does not exist in this system or cannot be read through this function module.`,
        hint: 'Check that the system is an ECC or S/4HANA system with the customer master tables, and that functionModule names a copy with the RFC_READ_TABLE interface.',
        cause: error,
      });
    case 'FIELD_NOT_VALID':
      return new ConfigError({
        message: `${where} raised FIELD_NOT_VALID: one of the fields ${context.fields.join(', ')} is not in ${context.table}.`,
        hint: 'Remove the unknown field from the source\'s extraFields option (field names are DDIC names such as NAME3 or STCD5).',
        cause: error,
      });
    case 'OPTION_NOT_VALID':
      return new BackendError({
        backendCode: key,
        message: `${where} raised OPTION_NOT_VALID: the system did not accept the WHERE condition custcode generated.`,
        hint: 'If functionModule names a customer copy, check that it accepts standard OPTIONS lines; otherwise report this as a custcode bug.',
        cause: error,
      });
    case 'DATA_BUFFER_EXCEEDED':
      return new BackendError({
        backendCode: key,
        message: `${where} raised DATA_BUFFER_EXCEEDED: the requested fields do not fit the function module's output line.`,
        hint: 'The function module has a narrower DATA line than rowWidth says; set rowWidth to its width (512 for RFC_READ_TABLE).',
        cause: error,
      });
    case 'FU_NOT_FOUND':
    case 'RFC_NOT_FOUND':
      return new ConfigError({
        message: `The function module ${context.functionModule} does not exist in the SAP system (or is not remote-enabled).`,
        hint: 'Set functionModule to RFC_READ_TABLE, BBP_RFC_READ_TABLE, /BODS/RFC_READ_TABLE2 or your Z copy with the same interface.',
        cause: error,
      });
    case 'RFC_LOGON_FAILURE':
      return new ConnectionError({
        reason: 'authentication',
        message: `SAP logon failed: ${detail}`,
        hint: 'Check user, passwd, client and language in the connection parameters.',
        cause: error,
      });
    case 'RFC_COMMUNICATION_FAILURE':
      return new ConnectionError({
        reason: 'unreachable',
        message: `Cannot reach the SAP system: ${detail}`,
        hint: 'Check ashost/sysnr (or mshost/group) and that the gateway port 33<sysnr> is reachable.',
        cause: error,
      });
    case 'RFC_TIMEOUT':
      return new ConnectionError({ reason: 'timeout', message: `The SAP call timed out: ${detail}`, hint: 'Retry, or narrow the query.', cause: error });
    case 'RFC_CLOSED':
    case 'RFC_INVALID_HANDLE':
      return new ConnectionError({ reason: 'closed', message: `The SAP connection was closed: ${detail}`, hint: 'Open a new client and retry.', cause: error });
    default:
      return new BackendError({
        backendCode: key,
        message: `${where} failed with ${key}: ${detail}`,
        hint: 'See the SAP system log (SM21) or short dumps (ST22) for the RFC user.',
        cause: error,
      });
  }
}
