import type { PlantedProblems, NearDuplicateReason } from './planted-problems.js';
import type { Random } from './random.js';
import { companyName, type CompanyParts } from './sample-company.js';
import { TYPO_CHARACTERS } from './sample-vocabulary.js';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { makeUscc } from '@custcode/core/fixtures';

const REASONS: NearDuplicateReason[] = ['same-tax-id', 'same-name', 'similar-name'];

/** The same company written differently: place moved into brackets or out of them, another legal form, none at all, or half-width brackets. */
function nameVariant(parts: CompanyParts, random: Random): string {
  switch (random.int(4)) {
    case 0:
      return companyName({ ...parts, placement: parts.placement === 'bracket' ? 'prefix' : 'bracket' });
    case 1:
      return companyName({ ...parts, suffix: parts.suffix === '股份有限公司' ? '有限责任公司' : '股份有限公司', placement: parts.placement === 'bracket' ? 'prefix-shi' : 'bracket' });
    case 2:
      return `${parts.city.city}${parts.core}`;
    default:
      return `${parts.core}(${parts.city.city})${parts.suffix}`;
  }
}

/**
 * Turns `copy` (another clean company) into a near duplicate of `original`: the same tax id under its
 * own name, the original's name written differently, or the name with one character of the 字号 mistyped.
 */
export function plantNearDuplicate(
  original: SeedCustomer,
  parts: CompanyParts,
  copy: SeedCustomer,
  index: number,
  planted: PlantedProblems,
  random: Random,
): void {
  const reason = REASONS[index % REASONS.length]!;
  if (reason === 'same-tax-id') {
    original.taxId ??= makeUscc(parts.city.district, 95_000_000 + index);
    copy.taxId = original.taxId;
  } else {
    delete copy.taxId;
    if (reason === 'same-name') {
      copy.name = nameVariant(parts, random);
    } else {
      const position = random.int(parts.trade.length);
      const typo = [...parts.trade];
      typo[position] = random.pick(TYPO_CHARACTERS);
      copy.name = companyName({ ...parts, core: typo.join('') + parts.core.slice(parts.trade.length) });
    }
    copy.shortName = `${parts.core}2`;
  }
  planted.nearDuplicates.push({ codes: [original.code, copy.code].sort(), reason });
}
