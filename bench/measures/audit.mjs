/**
 * Audit of 1M sample customers (core's sampleCustomerStream, the bench data set) held in memory, with the
 * numbering rule of the data: exact checks only, then with near-duplicate detection over the 1M names plus
 * PLANTED twins written differently (bench/lib/planted-names.mjs), whose recall is reported with the time.
 */
import { audit } from '@custcode/audit';
import { sampleCustomerStream } from '@custcode/sample';
import { BENCH_ROWS, BENCH_SEED } from '../lib/bench-database.mjs';
import { plantTwins, recallOf } from '../lib/planted-names.mjs';

export const PLANTED = 5_000;

function records() {
  const customers = [];
  for (const seed of sampleCustomerStream(BENCH_ROWS, BENCH_SEED)) {
    customers.push({
      source: 'bench', erp: 'yonyou-u8', code: seed.code, name: seed.name, status: seed.status, raw: {},
      ...(seed.taxId ? { taxId: seed.taxId } : {}), ...(seed.phone ? { phone: seed.phone } : {}),
    });
  }
  return customers;
}

/** The rule the sample codes follow (KH + year + a per-year serial of the sample's width). */
function ruleOf(customers) {
  const width = customers[0].code.length - 6;
  return `KH{YYYY}{seq:${width}}`;
}

export function prepare(nearDuplicates) {
  const customers = records();
  const rule = ruleOf(customers);
  const { twins, truth } = nearDuplicates ? plantTwins(customers, PLANTED) : { twins: [], truth: [] };
  const all = twins.length === 0 ? customers : [...customers, ...twins];
  return async () => {
    const report = await audit(all, { rule, nearDuplicates });
    const summary = { rows: report.total, duplicates: report.summary.duplicates, nearDuplicateGroups: report.summary.nearDuplicates, formatViolations: report.summary.formatViolations };
    return nearDuplicates ? { ...summary, planted: recallOf(report.nearDuplicates, truth) } : summary;
  };
}
