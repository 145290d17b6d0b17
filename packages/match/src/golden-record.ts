import { GOLDEN_FIELDS, type GoldenField, type GoldenRecord, type GoldenValue, type RecordRef } from './match-types.js';
import type { MatchRecord } from './match-record.js';

const valueOf = (record: MatchRecord, field: GoldenField): string => {
  // A valid USCC is given compact (no spaces or hyphens, half-width, upper case), the form other systems compare.
  if (field === 'taxId' && record.tax.uscc !== '') return record.tax.uscc;
  const value = record.customer[field];
  return typeof value === 'string' ? value.trim() : '';
};

/** How many golden fields a record fills: the "most complete" rule. */
const completeness = (record: MatchRecord) => GOLDEN_FIELDS.reduce((sum, field) => sum + (valueOf(record, field) === '' ? 0 : 1), 0);

/** A valid USCC beats a valid old number or organisation code, which beats an invalid tax id. */
const taxRank = (record: MatchRecord) => (record.tax.form === 'uscc' ? 0 : record.tax.form === null ? 2 : 1);

/**
 * Survivorship: per field, the value of the first record (among those that have one, masked fields
 * never count) by (for the tax id: a valid USCC first, then a valid old tax number or organisation code)
 * source priority, the most recent `updatedAt` (records without one last), the most complete record,
 * and finally the record label (`source:code@org`), so the choice never depends on reading order.
 */
export function goldenRecord(globalId: string, mergedIds: string[], members: readonly MatchRecord[], sourcePriority: readonly string[], refs?: RecordRef[], sources?: string[]): GoldenRecord {
  const priority = (record: MatchRecord) => {
    const rank = sourcePriority.indexOf(record.source);
    return rank < 0 ? sourcePriority.length : rank;
  };
  // Most clusters are one record: nothing to rank.
  const ranked = members.length === 1 ? members : [...members].sort((a, b) =>
    priority(a) - priority(b) ||
    (b.customer.updatedAt ?? '').localeCompare(a.customer.updatedAt ?? '') ||
    completeness(b) - completeness(a) ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  const fields = {} as Record<GoldenField, GoldenValue>;
  for (const field of GOLDEN_FIELDS) {
    // A stable sort keeps the general order among records of one tax rank.
    const order = field === 'taxId' && ranked.length > 1 ? [...ranked].sort((a, b) => taxRank(a) - taxRank(b)) : ranked;
    const chosen = order.find((record) => valueOf(record, field) !== '');
    fields[field] = chosen ? { value: valueOf(chosen, field), from: chosen.label } : { value: '', from: '' };
  }
  return {
    globalId,
    mergedIds,
    members: refs ?? members.map(({ source, code, org }) => ({ source, code, org })),
    sources: sources ?? [...new Set(members.map((record) => record.source))].sort(),
    fields,
  };
}
