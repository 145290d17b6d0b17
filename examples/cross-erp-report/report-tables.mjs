// The report's bookkeeping (tallies, tax-id index) and its console tables.
import { companyNameKey } from '@custcode/audit';

const NO_REGION = '(none)';

/** Counts per source and region, and every tax id with the customers holding it, filled record by record. */
export function createTally(sourceNames) {
  const reads = new Map(sourceNames.map((name) => [name, 0]));
  const regions = new Map(sourceNames.map((name) => [name, new Map()]));
  /** taxId → source → customers (a code once per source: K/3 Cloud lists a customer once per use-org). */
  const taxIds = new Map();
  return {
    taxIds,
    add(customer) {
      reads.set(customer.source, (reads.get(customer.source) ?? 0) + 1);
      const byRegion = regions.get(customer.source);
      const region = customer.region ?? NO_REGION;
      byRegion.set(region, (byRegion.get(region) ?? 0) + 1);
      const taxId = customer.taxId?.trim().toUpperCase();
      if (!taxId) return;
      const bySource = taxIds.get(taxId) ?? new Map();
      taxIds.set(taxId, bySource);
      const held = bySource.get(customer.source) ?? [];
      bySource.set(customer.source, held);
      if (!held.some((other) => other.code === customer.code)) held.push({ code: customer.code, name: customer.name });
    },
    read: (name) => reads.get(name) ?? 0,
    regions: (name) => Object.fromEntries([...regions.get(name)].sort(([, left], [, right]) => right - left)),
  };
}

const nameKey = (name) => {
  const key = companyNameKey(name);
  return `${key.place ?? ''}|${key.core}`;
};

/** Tax ids held by more than one source, most widely held first, then by tax id; `namesAgree` when every name is the same company's. */
export function taxIdMatches(taxIds, sourceNames) {
  const matches = [];
  for (const [taxId, bySource] of taxIds) {
    if (bySource.size < 2) continue;
    const sources = sourceNames.filter((name) => bySource.has(name));
    // The same company is written differently per ERP (北京… / …（北京）, 有限公司 / Co., Ltd.): compare name keys.
    const keys = new Set([...bySource.values()].flat().map((customer) => nameKey(customer.name)));
    matches.push({ taxId, sources, namesAgree: keys.size === 1, bySource: Object.fromEntries(sources.map((name) => [name, bySource.get(name)])) });
  }
  return matches.sort((left, right) => right.sources.length - left.sources.length || left.taxId.localeCompare(right.taxId));
}

// Chinese characters take two columns in a terminal.
const wide = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/gu;
const widthOf = (text) => text.length + (text.match(wide)?.length ?? 0);
const padEnd = (text, width) => text + ' '.repeat(Math.max(0, width - widthOf(text)));
const padStart = (text, width) => ' '.repeat(Math.max(0, width - widthOf(text))) + text;

/** A plain text table: first column left-aligned, the others right-aligned unless `left` says otherwise. */
export function formatTable(header, rows, { left = [0] } = {}) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => widthOf(row[column] ?? ''))));
  const line = (row) => row.map((cell, column) => (left.includes(column) ? padEnd(cell, widths[column]) : padStart(cell, widths[column]))).join('  ').trimEnd();
  return [line(all[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function printSummary(summary) {
  const names = Object.keys(summary);
  const statuses = Object.keys(summary[names[0]].byStatus);
  const statusRows = statuses.map((status) => [status, ...names.map((name) => summary[name].byStatus[status])]);
  statusRows.push(['total (count)', ...names.map((name) => summary[name].reported)]);
  statusRows.push(['read (search)', ...names.map((name) => summary[name].read)]);
  console.log(`\nCustomers by status\n${formatTable(['status', ...names.map((name) => `${name} (${summary[name].erp})`)], statusRows)}`);
  const regionTotals = new Map();
  for (const name of names) for (const [region, count] of Object.entries(summary[name].byRegion)) regionTotals.set(region, (regionTotals.get(region) ?? 0) + count);
  const regions = [...regionTotals].sort(([, left], [, right]) => right - left).map(([region]) => region);
  const regionRows = regions.map((region) => [region, ...names.map((name) => summary[name].byRegion[region] ?? 0)]);
  console.log(`\nCustomers by region\n${formatTable(['region', ...names], regionRows)}`);
}

export function printMatches(matches, shown = 5) {
  const combinations = new Map();
  for (const match of matches) combinations.set(match.sources.join('+'), (combinations.get(match.sources.join('+')) ?? 0) + 1);
  const agreeing = matches.filter((match) => match.namesAgree);
  const differing = matches.filter((match) => !match.namesAgree);
  console.log(`\nTax ids held by several ERPs: ${matches.length}`);
  console.log(formatTable(['held by', 'tax ids'], [...combinations].sort(([, left], [, right]) => right - left)));
  console.log(`\n  ${agreeing.length} with the same company name: one customer, known under each ERP's code`);
  console.log(`  ${differing.length} with different company names: a wrong tax id in at least one ERP, to check`);
  const list = (title, selected) => {
    if (selected.length === 0) return;
    const rows = selected.slice(0, shown).flatMap((match) =>
      match.sources.flatMap((name, index) =>
        match.bySource[name].map((customer) => [index === 0 ? match.taxId : '', name, customer.code || '(empty)', customer.name]),
      ),
    );
    console.log(`\n${title} (first ${Math.min(shown, selected.length)} of ${selected.length})\n${formatTable(['tax id', 'source', 'code', 'name'], rows, { left: [0, 1, 2, 3] })}`);
  };
  list('Same company in several ERPs', agreeing);
  list('Same tax id, different companies', differing);
}
