import type { RuleSegment } from './rule-types.js';
import { ruleSyntaxError } from './rule-syntax-error.js';

/** Named presets; `grades:`, `erpnext:` and `odoo:` take an argument and live in their own files. */
export const PRESETS: Readonly<Record<string, readonly RuleSegment[]>> = {
  // GB 32100-2015: 2 registration characters, 6-digit region, 9-character subject code, check character.
  uscc: [
    { type: 'chars', class: 'uscc-char', min: 2, max: 2 },
    { type: 'chars', class: 'digits', min: 6, max: 6 },
    { type: 'chars', class: 'uscc-char', min: 9, max: 9 },
    { type: 'check', algorithm: 'uscc' },
  ],
  gb11714: [
    { type: 'chars', class: 'alnum', min: 8, max: 8 },
    { type: 'check', algorithm: 'gb11714' },
  ],
  // SAP KUNNR internal format (ALPHA conversion): numeric → 10 digits zero-padded, else up to 10 alphanumerics.
  'sap-kunnr': [{ type: 'alpha', length: 10 }],
};

/** `grades:2-3-3-4` → the length of each level of a U8 编码方案. */
export function parseGrades(source: string): RuleSegment[] {
  const text = source.slice('grades:'.length);
  if (!/^\d{1,2}(-\d{1,2})*$/.test(text)) {
    throw ruleSyntaxError(source, 'grades:'.length, 'level lengths joined by "-", such as grades:2-3-3-4');
  }
  const levels = text.split('-').map(Number);
  const zero = levels.findIndex((length) => length < 1);
  if (zero >= 0) throw ruleSyntaxError(source, 'grades:'.length, `level ${zero + 1} to be at least 1 character long`);
  return [{ type: 'grades', levels }];
}
