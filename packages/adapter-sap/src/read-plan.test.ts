import { describe, expect, it } from 'vitest';
import { knvvMapping } from './mappings/knvv-mapping.js';
import { sapReadPlan } from './read-plan.js';

const options = { categoryField: 'KUKLA' as const, extraFields: ['NAME3', 'STCD5'] };

describe('sapReadPlan', () => {
  it('without a projection, or with raw, reads every KNA1 field (extraFields too), the whole org row and the texts', () => {
    for (const needed of [undefined, new Set(['code', 'raw'] as const)]) {
      const plan = sapReadPlan(options, knvvMapping, needed);
      expect(plan.kna1).toEqual(expect.arrayContaining(['KUNNR', 'NAME1', 'KUKLA', 'NAME3', 'STCD5', 'LOEVM']));
      expect(plan.orgLevel).toEqual(['KUNNR', 'VKORG', 'VTWEG', 'SPART', 'LOEVM', 'AUFSD', 'ERDAT']);
      expect(plan.texts).toBe(true);
    }
  });

  it('a projection reads the columns of its fields, KUNNR first, the org keys, and texts only for category or region', () => {
    const taxId = sapReadPlan(options, knvvMapping, new Set(['source', 'erp', 'code', 'org', 'taxId'] as const));
    expect(taxId).toEqual({ kna1: ['KUNNR', 'STCD1', 'STCEG'], orgLevel: ['KUNNR', 'VKORG', 'VTWEG', 'SPART'], texts: false });
    const grouped = sapReadPlan(options, undefined, new Set(['code', 'category', 'status'] as const));
    expect(grouped).toEqual({ kna1: ['KUNNR', 'LOEVM', 'SPERR', 'AUFSD', 'KUKLA'], orgLevel: [], texts: true });
    expect(sapReadPlan(options, knvvMapping, new Set(['code', 'status'] as const)).orgLevel).toEqual(['KUNNR', 'VKORG', 'VTWEG', 'SPART', 'LOEVM', 'AUFSD']);
    expect(sapReadPlan(options, undefined, new Set(['code', 'region'] as const))).toEqual({ kna1: ['KUNNR', 'REGIO', 'LAND1'], orgLevel: [], texts: true });
  });
});
