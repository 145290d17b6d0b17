import { KNA1_FIELDS } from './mappings/kna1-mapping.js';
import { knb1Mapping } from './mappings/knb1-mapping.js';
import { knvvMapping } from './mappings/knvv-mapping.js';
import type { OrgLevelMapping } from './mappings/org-level-mapping.js';
import type { ResolvedSapSourceOptions } from './sap-options.js';

/** The KNA1 fields a source reads: the mapped ones, the configured category field and `extraFields`. */
export function kna1FieldsOf(options: Pick<ResolvedSapSourceOptions, 'categoryField' | 'extraFields'>): string[] {
  return [...new Set<string>([...KNA1_FIELDS, options.categoryField, ...options.extraFields])];
}

/** The org-level table of an org scope: KNB1 for company codes, KNVV for sales areas, none otherwise. */
export function orgLevelOf(orgScope: ResolvedSapSourceOptions['orgScope']): OrgLevelMapping | undefined {
  return orgScope === 'company-code' ? knb1Mapping : orgScope === 'sales-area' ? knvvMapping : undefined;
}
