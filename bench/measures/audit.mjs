/**
 * Audit of 1M sample customers (core's sampleCustomerStream, the bench data set) held in memory, with the
 * numbering rule of the data: exact checks only, then with near-duplicate detection over the 1M names.
 */
import { audit } from '@custcode/audit';
import { sampleCustomerStream } from '@custcode/sample';
import { BENCH_ROWS, BENCH_SEED } from '../lib/bench-database.mjs';

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
  return async () => {
    const report = await audit(customers, { rule, nearDuplicates });
    return { rows: report.total, duplicates: report.summary.duplicates, nearDuplicateGroups: report.summary.nearDuplicates, formatViolations: report.summary.formatViolations };
  };
}
