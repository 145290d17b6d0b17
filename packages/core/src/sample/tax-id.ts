import { gb11714CheckCharacter } from '../validators/gb11714.js';
import { usccCheckCharacter } from '../validators/uscc.js';

/**
 * A valid 统一社会信用代码 for a company: `91` (工商, enterprise) + the 6-digit region + an organisation
 * code (8 digits from `serial` + its GB 11714 check character) + the GB 32100 check character.
 */
export function makeUscc(region6: string, serial: number): string {
  const organisationBody = String(serial % 100_000_000).padStart(8, '0');
  const body17 = `91${region6}${organisationBody}${gb11714CheckCharacter(organisationBody)}`;
  return body17 + usccCheckCharacter(body17);
}

/** The same code with a wrong check character (a typo in the last place). */
export function breakUsccCheck(uscc: string): string {
  const last = uscc.slice(-1);
  return uscc.slice(0, -1) + (last === '0' ? '1' : '0');
}
