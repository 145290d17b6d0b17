import { compactTaxId, taxIdProblems } from '@custcode/audit';
import { validateGb11714 } from '@custcode/core/validators';

/** What a tax id gives for linking: the USCC itself, and the organisation code (GB 11714) it carries. */
export interface TaxKeys {
  /** A valid 18-character USCC (GB 32100 check character right), else ''. */
  uscc: string;
  /** The 9-character organisation code: positions 9–17 of a valid USCC, the last 9 of a valid 15-character tax registration number, or a valid 9-character code; else ''. */
  orgCode: string;
  /** Which form the tax id has: a USCC embeds the org code, the two older forms hold it. */
  form: 'uscc' | 'old-tax-number' | 'org-code' | null;
}

const NONE: TaxKeys = { uscc: '', orgCode: '', form: null };
const validOrgCode = (text: string) => validateGb11714(text, { compact: false }).valid;
/** Placeholders such as 000000000 pass the mod-11 check but identify nobody. */
const allSame = (text: string) => text.split('').every((character) => character === text[0]);

/** The link keys of a stored tax id (spaces, hyphens and full-width forms ignored); invalid ids give none. */
export function taxKeysOf(taxId: string | undefined): TaxKeys {
  if (taxId === undefined || taxId.trim() === '') return NONE;
  const compact = compactTaxId(taxId);
  if (allSame(compact) || taxIdProblems(compact) !== undefined) return NONE;
  if (compact.length === 18) {
    // Positions 9–17 of a USCC issued to a body that had an organisation code are that code; others hold no valid one.
    const embedded = compact.slice(8, 17);
    return { uscc: compact, orgCode: validOrgCode(embedded) && !allSame(embedded) ? embedded : '', form: 'uscc' };
  }
  if (compact.length === 15) return { uscc: '', orgCode: compact.slice(6), form: 'old-tax-number' };
  return { uscc: '', orgCode: compact, form: 'org-code' };
}
