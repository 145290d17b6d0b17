import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditReport } from '@custcode/audit';
import { type ChangeList } from '@custcode/changes';
import { type Customer } from '@custcode/core';
import { ROW_FILTER_FIELDS, type RowFilter } from '@custcode/access';
import { ROW_FILTER_CASES } from '@custcode/access/testing';
import { createMatrixProject, type MatrixLayout, type MatrixProject } from './matrix-project.js';
import { csvRows, hasToken, jsonRecords, pdfText, xlsxRows } from './read-output.js';

/**
 * Row filters × access paths, generated: every row-filter field of the schema (ROW_FILTER_FIELDS) with the
 * values ROW_FILTER_CASES gives, on a generic-sql table (several orgs, a lower-case code, a leading space, an
 * empty code, full-width) and on SAP (ALPHA codes, sales areas), through every CLI command and API route
 * that reads records. Each path must hand out nothing outside the filter, and all of it when it lists records.
 */
const LAYOUTS = ['crm', 'sap'] as const;
const ADMIN = 'admin';

interface MatrixCase {
  role: string;
  field: keyof RowFilter;
  values: Record<string, unknown>;
}
const cases: MatrixCase[] = [];
let project: MatrixProject;

beforeAll(async () => {
  project = await createMatrixProject((layouts) => {
    const roles: Record<string, { sources: Record<string, { commands: '*'; filter?: RowFilter }> }> = { [ADMIN]: { sources: { '*': { commands: '*' } } } };
    for (const field of ROW_FILTER_FIELDS) {
      const perLayout = layouts.map((layout) => ROW_FILTER_CASES[field].values(layout.records) as unknown[]);
      perLayout[0]!.forEach((_, index) => {
        const role = `${field}-${index}`;
        const values = Object.fromEntries(layouts.map((layout, at) => [layout.source, perLayout[at]![index]]));
        cases.push({ role, field, values });
        roles[role] = { sources: Object.fromEntries(layouts.map((layout) => [layout.source, { commands: '*' as const, filter: { [field]: values[layout.source] } as RowFilter }])) };
      });
    }
    return roles;
  }, LAYOUTS);
});
afterAll(() => project.cleanup());

const key = (record: { code?: string | undefined; org?: string | undefined }) => `${record.code ?? ''}|${record.org ?? ''}`;

/** What a path handed out: record keys (`complete` when it lists every record inside), a total, or free text. */
interface Seen {
  keys?: string[];
  complete?: boolean;
  total?: number;
  text?: string;
}
type Path = (role: string, layout: MatrixLayout, out: (name: string) => string) => Promise<Seen>;

async function ok(run: Promise<{ exitCode: number; stdout: string; stderr: string }>, allowed = [0]): Promise<string> {
  const result = await run;
  expect(allowed, result.stderr).toContain(result.exitCode);
  return result.stdout;
}
const codesOf = (layout: MatrixLayout) => [...new Set(layout.records.map((record) => record.code).filter((code) => code.trim() !== ''))];
const apiJson = async (response: Promise<Response>) => {
  const answer = await response;
  expect(answer.status).toBe(200);
  return answer.json() as Promise<unknown>;
};

const CLI: Record<string, Path> = {
  'get --json': async (role, layout) => ({ keys: jsonRecords(await ok(project.run(role, ['get', layout.source, ...codesOf(layout), '--json']), [0, 1])).map(key) }),
  'search --json': async (role, layout) => ({ keys: jsonRecords(await ok(project.run(role, ['search', layout.source, '--json']))).map(key), complete: true }),
  'export csv': async (role, layout, out) => {
    await ok(project.run(role, ['export', layout.source, '--out', out('x.csv')]));
    return { keys: csvRows(readFileSync(out('x.csv'), 'utf8')).map(key), complete: true };
  },
  // Projection: no row-filter column but the code is asked for; the filter must hold all the same.
  'export csv --fields code,org': async (role, layout, out) => {
    await ok(project.run(role, ['export', layout.source, '--out', out('p.csv'), '--fields', 'code,org']));
    return { keys: csvRows(readFileSync(out('p.csv'), 'utf8')).map(key), complete: true };
  },
  'export xlsx': async (role, layout, out) => {
    await ok(project.run(role, ['export', layout.source, '--out', out('x.xlsx')]));
    return { keys: (await xlsxRows(out('x.xlsx'))).map(key), complete: true };
  },
  'export json': async (role, layout, out) => {
    await ok(project.run(role, ['export', layout.source, '--out', out('x.json')]));
    return { keys: jsonRecords(readFileSync(out('x.json'), 'utf8')).map(key), complete: true };
  },
  'export ndjson': async (role, layout, out) => {
    await ok(project.run(role, ['export', layout.source, '--out', out('x.ndjson')]));
    return { keys: jsonRecords(readFileSync(out('x.ndjson'), 'utf8')).map(key), complete: true };
  },
  'export pdf': async (role, layout, out) => {
    await ok(project.run(role, ['export', layout.source, '--out', out('x.pdf')]));
    return { text: pdfText(out('x.pdf')) };
  },
  'audit --json': async (role, layout) => {
    const report = JSON.parse(await ok(project.run(role, ['audit', layout.source, '--json']))) as AuditReport;
    return { total: report.total, text: JSON.stringify({ ...report, summary: undefined }) };
  },
  'report detail (xlsx)': async (role, layout, out) => {
    await ok(project.run(role, ['report', layout.source, '--template', 'detail', '--format', 'xlsx', '--out', out('r.xlsx')]));
    const rows = (await xlsxRows(out('r.xlsx'))).filter((row) => row['客户编号'] !== undefined && !String(row['客户编号']).startsWith('合计'));
    return { keys: rows.map((row) => `${row['客户编号']}|${row['组织'] ?? ''}`), complete: true };
  },
  'changes --since --json': async (role, layout) => {
    const list = JSON.parse(await ok(project.run(role, ['changes', layout.source, '--since', '2000-01-01', '--json']))) as ChangeList;
    return { keys: [...list.added, ...list.changed, ...list.blocked, ...list.unblocked, ...list.deleted].map(key) };
  },
  'changes --snapshot (an admin\'s snapshot) --json': async (role, layout, out) => {
    await ok(project.run(ADMIN, ['changes', layout.source, '--save-snapshot', out('all.ndjson'), '--quiet']));
    const list = JSON.parse(await ok(project.run(role, ['changes', layout.source, '--snapshot', out('all.ndjson'), '--json']))) as ChangeList;
    return { keys: [...list.added, ...list.changed, ...list.blocked, ...list.unblocked, ...list.deleted].map(key) };
  },
};

const API: Record<string, Path> = {
  'GET /customers/{code}': async (role, layout) => {
    const found: Customer[] = [];
    for (const code of codesOf(layout)) {
      const response = await project.request(role, `/sources/${layout.source}/customers/${encodeURIComponent(code)}`);
      expect([200, 404]).toContain(response.status);
      if (response.status === 200) found.push((await response.json()) as Customer);
    }
    return { keys: found.map(key) };
  },
  'POST /customers:lookup': async (role, layout) => {
    const body = JSON.stringify({ codes: layout.records.map((record) => record.code).filter((code) => code !== '') });
    const answer = (await apiJson(project.request(role, `/sources/${layout.source}/customers:lookup`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }))) as { results: Array<{ customer: Customer | null }> };
    return { keys: answer.results.flatMap((result) => (result.customer ? [key(result.customer)] : [])) };
  },
  'GET /customers?count=true': async (role, layout) => {
    const page = (await apiJson(project.request(role, `/sources/${layout.source}/customers?limit=1000&count=true`))) as { items: Customer[]; total: number };
    return { keys: page.items.map(key), complete: true, total: page.total };
  },
  'GET /export?format=csv': async (role, layout) => ({ keys: csvRows(await (await project.request(role, `/sources/${layout.source}/export?format=csv`)).text()).map(key), complete: true }),
  'GET /export?format=csv&fields=code,org': async (role, layout) => ({ keys: csvRows(await (await project.request(role, `/sources/${layout.source}/export?format=csv&fields=code,org`)).text()).map(key), complete: true }),
  'GET /customers?fields=code': async (role, layout) => ({ keys: ((await apiJson(project.request(role, `/sources/${layout.source}/customers?limit=1000&fields=code`))) as { items: Customer[] }).items.map(key), complete: true }),
  'GET /export?format=xlsx': async (role, layout) => ({ keys: (await xlsxRows(Buffer.from(await (await project.request(role, `/sources/${layout.source}/export?format=xlsx`)).arrayBuffer()))).map(key), complete: true }),
  'GET /export?format=json': async (role, layout) => ({ keys: jsonRecords(await (await project.request(role, `/sources/${layout.source}/export?format=json`)).text()).map(key), complete: true }),
  'GET /export?format=ndjson': async (role, layout) => ({ keys: jsonRecords(await (await project.request(role, `/sources/${layout.source}/export?format=ndjson`)).text()).map(key), complete: true }),
  'POST /audit': async (role, layout) => {
    const report = (await apiJson(project.request(role, `/sources/${layout.source}/audit`, { method: 'POST' }))) as AuditReport;
    return { total: report.total, text: JSON.stringify({ ...report, summary: undefined }) };
  },
};

describe.each(LAYOUTS)('row filters on every CLI command and API route (%s)', (source) => {
  it('has a case for every row-filter field', () => {
    expect(new Set(cases.map((matrixCase) => matrixCase.field))).toEqual(new Set(ROW_FILTER_FIELDS));
  });

  for (const [surface, paths] of [['CLI', CLI], ['API', API]] as const) {
    for (const [name, read] of Object.entries(paths)) {
      it(`${surface} ${name}: every row-filter field`, async () => {
        const layout = project.layouts.find((candidate) => candidate.source === source)!;
        for (const { role, field, values } of cases) {
          const within = (customer: Customer) => (ROW_FILTER_CASES[field].within as (record: Customer, value: unknown) => boolean)(customer, values[source]);
          const inside = layout.records.filter(within);
          const allowed = new Set(inside.map(key));
          const label = `${role} = ${JSON.stringify(values[source])}`;
          const seen = await read(role, layout, (file) => join(project.directory, `${source}-${role}-${file}`));
          if (seen.keys !== undefined) {
            expect(seen.keys.filter((found) => !allowed.has(found)), `${label}: records outside the filter`).toEqual([]);
            if (seen.complete) expect(new Set(seen.keys), `${label}: every record inside`).toEqual(allowed);
          }
          if (seen.total !== undefined) expect(seen.total, `${label}: total`).toBe(inside.length);
          if (seen.text !== undefined) {
            // Codes held only by records outside the filter must not appear at all.
            const outsideOnly = [...new Set(layout.records.filter((record) => !within(record) && record.code.trim() !== '').map((record) => record.code.trim()))].filter((code) => !inside.some((record) => record.code.trim() === code));
            expect(outsideOnly.filter((code) => hasToken(seen.text!, code)), `${label}: codes outside the filter`).toEqual([]);
          }
        }
      });
    }
  }
});
