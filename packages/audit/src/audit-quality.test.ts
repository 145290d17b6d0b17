import { beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCustomers, type SampleData } from '@custcode/sample';
import { audit } from './audit.js';
import type { AuditReport, FindingKind } from './audit-types.js';

/** Precision and recall of `found` against `truth`, both as sets of comparable keys. */
function score(found: string[], truth: string[]): { precision: number; recall: number; missed: string[]; extra: string[] } {
  const truthSet = new Set(truth);
  const foundSet = new Set(found);
  const hits = [...foundSet].filter((key) => truthSet.has(key)).length;
  return {
    precision: foundSet.size === 0 ? (truthSet.size === 0 ? 1 : 0) : hits / foundSet.size,
    recall: truthSet.size === 0 ? 1 : hits / truthSet.size,
    missed: [...truthSet].filter((key) => !foundSet.has(key)).slice(0, 5),
    extra: [...foundSet].filter((key) => !truthSet.has(key)).slice(0, 5),
  };
}

const sortedJoin = (codes: string[]) => [...codes].sort().join(' | ');

/** Both sides of every kind as comparable keys. */
function keysOf(report: AuditReport, sample: SampleData): Record<FindingKind, { found: string[]; truth: string[] }> {
  const { planted } = sample;
  return {
    duplicates: {
      found: report.duplicates.map((group) => `${group.org}: ${sortedJoin(group.records)}`),
      truth: planted.duplicates.map((group) => `${group.org}: ${sortedJoin(group.codes)}`),
    },
    missing: { found: report.missing.map((item) => String(item.index)), truth: planted.missing.map((item) => String(item.index)) },
    gaps: {
      found: report.gaps.map((gap) => `${gap.prefix} ${gap.from}-${gap.to}`),
      truth: planted.gaps.map((gap) => `${gap.prefix} ${gap.from}-${gap.to}`),
    },
    formatViolations: {
      found: report.formatViolations.map((violation) => violation.code),
      truth: planted.formatViolations.map((violation) => violation.code),
    },
    garbled: {
      found: report.garbled.map((item) => `${item.code} ${item.field}`),
      truth: planted.garbled.map((item) => `${item.code} ${item.field}`),
    },
    invalidTaxIds: { found: report.invalidTaxIds.map((item) => item.code), truth: planted.invalidTaxIds.map((item) => item.code) },
    nearDuplicates: {
      found: report.nearDuplicates.map((group) => sortedJoin(group.codes)),
      truth: planted.nearDuplicates.map((pair) => sortedJoin(pair.codes)),
    },
  };
}

describe('audit quality on 10,000 sample customers with planted anomalies', () => {
  let sample: SampleData;
  const reports: Record<'rule' | 'inferred', AuditReport> = {} as never;

  beforeAll(async () => {
    sample = generateSampleCustomers({ count: 10_000, seed: 7, problems: true });
    reports.rule = await audit(sample.customers, { rule: sample.rule, source: 'sample' });
    reports.inferred = await audit(sample.customers, { source: 'sample' });
  });

  for (const mode of ['rule', 'inferred'] as const) {
    for (const kind of ['duplicates', 'missing', 'gaps', 'formatViolations', 'garbled', 'invalidTaxIds', 'nearDuplicates'] as const) {
      it(`${kind} (${mode === 'rule' ? 'with the rule' : 'pattern inferred'}): precision and recall ≥ 0.95`, () => {
        const { found, truth } = keysOf(reports[mode], sample)[kind];
        expect(truth.length).toBeGreaterThanOrEqual(5);
        const result = score(found, truth);
        expect(result.precision, JSON.stringify(result)).toBeGreaterThanOrEqual(0.95);
        expect(result.recall, JSON.stringify(result)).toBeGreaterThanOrEqual(0.95);
      });
    }
  }

  it('repairs every UTF-8-read-as-GBK or Latin-1 name whose bytes survived', () => {
    const reversible = sample.planted.garbled.filter((item) => item.kind === 'utf8-as-latin1');
    const repairs = new Map(reports.rule.garbled.map((item) => [item.code, item.repair]));
    expect(reversible.length).toBeGreaterThan(0);
    for (const item of reversible) expect(repairs.get(item.code)).toBe(item.original);
  });

  it('marks the gaps of a fast-mode rule as legitimate and inferred gaps as errors', () => {
    expect(reports.rule.gaps.every((gap) => gap.legitimate)).toBe(true);
    expect(reports.rule.summary.gaps).toBe(0);
    expect(reports.inferred.gaps.every((gap) => !gap.legitimate)).toBe(true);
  });
});
