import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRule } from '@custcode/rules';
import { createMemorySource, type Customer } from '@custcode/core';
import { generateSampleCustomers } from '@custcode/sample';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from './audit-command.js';
import { captureIo } from '../../../test/test-io.js';

const toCustomer = (seed: SeedCustomer, index: number): Customer => ({
  source: 'crm', erp: 'generic-sql', code: seed.code, name: seed.name, status: seed.status,
  ...(seed.taxId ? { taxId: seed.taxId } : {}), ...(seed.org ? { org: seed.org } : {}), raw: { id: index + 1 },
});

describe('runAudit', () => {
  const sample = generateSampleCustomers({ count: 1_000, seed: 5, problems: true });
  const source = () => createMemorySource({ name: 'crm', customers: sample.customers.map(toCustomer), pageSize: 250 });
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-audit-cli-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('prints the JSON report with exactly the documented top-level keys and exits 0 despite findings', async () => {
    const run = captureIo(directory);
    const exitCode = await runAudit({ source: source(), sourceName: 'crm', json: true }, run.io);
    expect(exitCode).toBe(0);
    const report = JSON.parse(run.stdout());
    expect(Object.keys(report)).toEqual(['source', 'total', 'summary', 'duplicates', 'missing', 'gaps', 'formatViolations', 'garbled', 'invalidTaxIds', 'nearDuplicates']);
    expect(report.source).toBe('crm');
    expect(report.total).toBe(1_000);
    expect(report.missing).toHaveLength(sample.planted.missing.length);
    // The stream is ordered by code, so records are identified by their row id, not their position in the sample.
    expect(report.missing.map((item: { rowId: string }) => item.rowId).sort()).toEqual(sample.planted.missing.map((item) => String(item.index + 1)).sort());
  });

  it('prints a summary table and the first findings of each kind', async () => {
    const run = captureIo(directory);
    expect(await runAudit({ source: source(), sourceName: 'crm', rule: 'kh', rules: { kh: sample.rule } }, run.io)).toBe(0);
    const text = run.stdout();
    expect(text).toContain(`Audit of crm: 1,000 records (rule ${sample.rule})`);
    expect(text).toMatch(/finding\s+count\s+detail/);
    expect(text).toMatch(/duplicate codes\s+5\s+/);
    expect(text).toContain('missing codes (5):\n  #0 ');
    expect(text).toMatch(/format violations \(first 5 of 7\):\n  "/);
    expect(text).toMatch(/garbled text \(5\):[^]*\(utf8-as-latin1\) → /);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });

  it('writes the HTML report and a fix plan whose new codes follow the rule and collide with nothing', async () => {
    const run = captureIo(directory);
    const exitCode = await runAudit({ source: source(), sourceName: 'crm', rule: sample.rule, html: 'audit.html', fixPlan: 'plan.csv' }, run.io);
    expect(exitCode).toBe(0);
    expect(readFileSync(join(directory, 'audit.html'), 'utf8')).toContain('data-chart="serial-coverage"');
    const csv = readFileSync(join(directory, 'plan.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(['action', 'code', 'proposed_code', 'keep_code', 'name', 'row_id', 'org', 'reason', 'score']);
    const extraDuplicates = sample.planted.duplicates.reduce((sum, group) => sum + group.codes.length - 1, 0);
    const recodes = rows.filter((row) => row.action === 'recode-duplicate');
    const assigned = rows.filter((row) => row.action === 'assign-code');
    expect(recodes).toHaveLength(extraDuplicates);
    expect(assigned).toHaveLength(sample.planted.missing.length);
    expect(rows.filter((row) => row.action === 'merge-candidate')).toHaveLength(sample.planted.nearDuplicates.length);
    const proposed = [...recodes, ...assigned].map((row) => row.proposed_code ?? '');
    const rule = compileRule(sample.rule);
    const existing = new Set(sample.customers.map((customer) => customer.code.trim().toUpperCase()));
    expect(new Set(proposed).size).toBe(proposed.length);
    for (const code of proposed) {
      expect(rule.validate(code).valid, code).toBe(true);
      expect(existing.has(code), code).toBe(false);
    }
    expect(run.stderr()).toContain('nothing applied');
  });

  it('exits 2 with a hint for an unknown rule name, before reading the source', async () => {
    const run = captureIo(directory);
    let searched = false;
    const guarded = { ...source(), search: () => { searched = true; return source().search(); } };
    expect(await runAudit({ source: guarded, sourceName: 'crm', rule: 'khx', rules: { kh: sample.rule } }, run.io)).toBe(2);
    expect(run.stderr()).toMatch(/^error: Unknown rule "khx"/);
    expect(run.stderr()).toMatch(/hint: /);
    expect(searched).toBe(false);
  });

  it('exits 2 when the HTML file cannot be written', async () => {
    const run = captureIo(directory);
    expect(await runAudit({ source: source(), sourceName: 'crm', html: join(directory, 'no-such-dir', 'a.html') }, run.io)).toBe(2);
    expect(run.stderr()).toContain('the directory does not exist');
  });
});
