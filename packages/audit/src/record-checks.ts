import type { AuditRecord, GarbledFinding, InvalidTaxIdFinding } from './audit-types.js';
import { diagnoseGarbled, type GarbleFieldKind } from './garbled-text.js';
import { taxIdProblems } from './tax-id-check.js';

/** Printable ASCII with spaces: cannot hold encoding damage except `?` runs. */
const printableAscii = /^[\x20-\x7E]*$/;

function check(value: string | null | undefined, field: string, fieldKind: GarbleFieldKind, code: string, into: GarbledFinding[]): void {
  if (typeof value !== 'string' || value === '') return;
  // Most values are plain ASCII (codes, phones, tax ids): skip the full scan for them.
  if (printableAscii.test(value) && (fieldKind === 'code' ? !value.includes('?') : !value.includes('??'))) return;
  const diagnosis = diagnoseGarbled(value, fieldKind);
  if (diagnosis) into.push({ code, field, value, kind: diagnosis.kind, repair: diagnosis.repair });
}

/** Encoding damage in the record's text fields (written out: a loop over field names costs a keyed lookup each). */
export function garbledFields(record: AuditRecord, code: string, into: GarbledFinding[]): void {
  check(record.code, 'code', 'code', code, into);
  check(record.name, 'name', 'line', code, into);
  check(record.shortName, 'shortName', 'line', code, into);
  check(record.contact, 'contact', 'line', code, into);
  check(record.phone, 'phone', 'line', code, into);
  check(record.taxId, 'taxId', 'line', code, into);
  check(record.address, 'address', 'text', code, into);
}

/** A USCC / GB 11714 failure of the record's tax id (`compact` is its `compactTaxId` form). */
export function invalidTaxId(record: AuditRecord, code: string, compact: string): InvalidTaxIdFinding | undefined {
  const taxId = record.taxId;
  if (typeof taxId !== 'string' || compact === '') return undefined;
  const reasons = taxIdProblems(compact);
  return reasons ? { code, taxId, reasons } : undefined;
}
