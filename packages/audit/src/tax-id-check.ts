import { validateGb11714 } from '@custcode/core/validators';
import { validateUscc } from '@custcode/core/validators';

const removable = /[\s\-\u3000]/g;
const alreadyCompact = /^[0-9A-Z]*$/;

/** The tax id as compared between records: NFKC, no spaces or hyphens, upper case. */
export function compactTaxId(taxId: string): string {
  if (alreadyCompact.test(taxId)) return taxId;
  return taxId.normalize('NFKC').replace(removable, '').toUpperCase();
}

/**
 * Why a tax id is invalid, or undefined when it is valid: 18 characters are checked as a USCC
 * (GB 32100), 9 as an organisation code (GB 11714), 15 as a pre-2015 tax registration number
 * (6-digit region + organisation code). Takes the `compactTaxId` form.
 */
export function taxIdProblems(compact: string): string[] | undefined {
  if (compact.length === 18) return reasons(validateUscc(compact, { compact: false }));
  if (compact.length === 9) return reasons(validateGb11714(compact, { compact: false }));
  if (compact.length === 15) {
    const problems: string[] = [];
    if (!/^\d{6}$/.test(compact.slice(0, 6))) problems.push('The first 6 characters of a 15-character tax registration number are the region code and must be digits.');
    problems.push(...(reasons(validateGb11714(compact.slice(6), { compact: false })) ?? []));
    return problems.length === 0 ? undefined : problems;
  }
  return [`A tax id has 18 characters (USCC), 15 (old tax registration number) or 9 (organisation code); this one has ${compact.length}.`];
}

function reasons(result: { valid: boolean; errors: Array<{ message: string }> }): string[] | undefined {
  return result.valid ? undefined : result.errors.map((error) => error.message);
}

/** The key used to link records by tax id (from `compactTaxId`): '' for absent or placeholder values (`000000000`, `/`). */
export function taxIdLinkKey(compact: string): string {
  if (compact.length < 9) return '';
  for (let index = 1; index < compact.length; index++) if (compact[index] !== compact[0]) return compact;
  return '';
}
