import type { Customer } from '../customer/customer-schema.js';
import { alphaInput, normalizeCode } from '../code/normalize-code.js';
import type { Cursor } from './v1/source-driver.js';

/**
 * `after` cursors are either a plain code (resume after that code) or `~` + base64url JSON
 * `{ "c": code, "o": org }` when the org is part of the position (Kingdee use-orgs, SAP sales areas).
 */
export function encodeCursor(cursor: Cursor): string {
  if (cursor.org === undefined && !cursor.code.startsWith('~')) return cursor.code;
  return `~${Buffer.from(JSON.stringify({ c: cursor.code, o: cursor.org }), 'utf8').toString('base64url')}`;
}

export function decodeCursor(after: string): Cursor {
  if (after.startsWith('~')) {
    try {
      const parsed = JSON.parse(Buffer.from(after.slice(1), 'base64url').toString('utf8')) as { c?: unknown; o?: unknown };
      if (typeof parsed.c === 'string') {
        return typeof parsed.o === 'string' ? { code: parsed.c, org: parsed.o } : { code: parsed.c };
      }
    } catch {
      // not one of ours: a code that starts with '~'
    }
  }
  return { code: normalizeCode(after) };
}

/** The code as the backend stores it (SAP: ALPHA input form). */
export function toStoredCode(code: string, codeForm: 'as-is' | 'sap-alpha'): string {
  return codeForm === 'sap-alpha' ? alphaInput(code) : code;
}

/** The cursor that resumes a stream right after `customer`. */
export function cursorOf(customer: Pick<Customer, 'code' | 'org'>, codeForm: 'as-is' | 'sap-alpha' = 'as-is'): string {
  return encodeCursor({ code: toStoredCode(customer.code, codeForm), ...(customer.org === undefined ? {} : { org: customer.org }) });
}
