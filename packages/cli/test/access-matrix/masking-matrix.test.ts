import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Customer } from '@custcode/core';
import { MASKABLE_FIELDS, type MaskableField } from '@custcode/access';
import { openHub } from '@custcode/hub';
import { pinyinInitials } from '@custcode/core/adapter';
import { projectSeedCustomer } from '@custcode/core/fixtures';
import { accessMatrixSeed, leakedNeedles, maskNeedles } from '@custcode/access/testing';
import { createMatrixProject, databaseProducts, type MatrixLayout, type MatrixProject } from './matrix-project.js';
import { jsonRecords, pdfText, xlsxText } from './read-output.js';

/**
 * Masks × access paths × layouts, generated: for every maskable field a role that masks only it, and every
 * way records leave custcode (CLI tables and JSON, every export format, audit, report, migrate files, the
 * API's JSON, NDJSON, CSV and XLSX) over every layout with raw columns. No output may hold a masked value
 * the ERP stores (in any column, mapped or not), a part of it, or its pinyin initials; and text search must
 * not find a record by a masked name or short name.
 */
const LAYOUTS = [...(await databaseProducts()).map((descriptor) => descriptor.testing.demo.source), 'sap', 'clients'];
const ADMIN = 'admin';
const roleOf = (field: MaskableField) => `mask-${field}`;
/** What the ERPs hold, whether or not a layout maps it to a field. */
const stored: Customer[] = accessMatrixSeed().map((seed) => projectSeedCustomer(seed, { source: 'seed', erp: 'file', fields: ['name', 'shortName', 'taxId', 'phone', 'contact', 'address'] }));

let project: MatrixProject;
beforeAll(async () => {
  project = await createMatrixProject(() => ({
    [ADMIN]: { sources: { '*': { commands: '*' } } },
    ...Object.fromEntries(MASKABLE_FIELDS.map((field) => [roleOf(field), { sources: { '*': { commands: '*' as const, mask: [field] } } }])),
  }));
});
afterAll(() => project.cleanup());

async function output(run: Promise<{ exitCode: number; stdout: string; stderr: string }>, allowed = [0]): Promise<string> {
  const result = await run;
  expect(allowed, result.stderr).toContain(result.exitCode);
  return `${result.stdout}\n${result.stderr}`;
}
/** Every file a command wrote into `directory`, as text (workbooks and PDFs read as their text). */
async function filesText(directory: string): Promise<string> {
  const texts: string[] = [];
  for (const name of readdirSync(directory)) {
    const file = join(directory, name);
    texts.push(name.endsWith('.xlsx') ? await xlsxText(file) : name.endsWith('.pdf') ? pdfText(file) : readFileSync(file, 'utf8'));
  }
  return texts.join('\n');
}
const codesOf = (layout: MatrixLayout) => [...new Set(layout.records.map((record) => record.code).filter((code) => code.trim() !== ''))];
const body = async (response: Promise<Response>) => {
  const answer = await response;
  expect(answer.status).toBe(200);
  const text = answer.headers.get('content-type')?.includes('spreadsheetml') ? await xlsxText(Buffer.from(await answer.arrayBuffer())) : await answer.text();
  return `${[...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${text}`;
};

type Path = (user: string, layout: MatrixLayout, out: (name: string) => string) => Promise<string>;

const CLI: Record<string, Path> = {
  'get --json': (user, layout) => output(project.run(user, ['get', layout.source, ...codesOf(layout), '--json']), [0, 1]),
  'get (table)': (user, layout) => output(project.run(user, ['get', layout.source, ...codesOf(layout)]), [0, 1]),
  'search --json': (user, layout) => output(project.run(user, ['search', layout.source, '--json'])),
  'search (table)': (user, layout) => output(project.run(user, ['search', layout.source])),
  export: async (user, layout, out) => {
    for (const format of ['csv', 'xlsx', 'json', 'ndjson', 'pdf']) await output(project.run(user, ['export', layout.source, '--out', out(`export/x.${format}`)]));
    return filesText(out('export'));
  },
  'audit --json and --html': async (user, layout, out) => `${await output(project.run(user, ['audit', layout.source, '--json']))}\n${await output(project.run(user, ['audit', layout.source, '--html', out('audit/a.html')]))}\n${await filesText(out('audit'))}`,
  'report (detail, html)': async (user, layout, out) => {
    await output(project.run(user, ['report', layout.source, '--template', 'detail', '--out', out('report/r.html')]));
    return filesText(out('report'));
  },
  'changes --since and --snapshot (an admin\'s snapshot)': async (user, layout, out) => {
    await output(project.run(ADMIN, ['changes', layout.source, '--save-snapshot', out('all.ndjson'), '--quiet']));
    const since = layout.records.some((record) => record.createdAt !== undefined) ? await output(project.run(user, ['changes', layout.source, '--since', '2000-01-01', '--json'])) : '';
    return `${since}\n${await output(project.run(user, ['changes', layout.source, '--snapshot', out('all.ndjson'), '--json']))}`;
  },
  'sync (Parquet dataset, read back)': async (user, layout, out) => {
    await output(project.run(user, ['sync', layout.source, '--to', out('hub'), '--format', 'parquet']));
    const hub = await openHub(':memory:');
    try {
      const rows = await hub.query('SELECT * FROM read_parquet($1, hive_partitioning = true)', [join(out('hub'), 'customers', '*', '*.parquet')]);
      expect(rows.length).toBeGreaterThan(0);
      return JSON.stringify(rows);
    } finally {
      await hub.close();
    }
  },
  'migrate (crosswalk and import files)': async (user, layout, out) => {
    await output(project.run(user, ['migrate', layout.source, '--rule', 'NEW{seq:4}', '--out', out('migrate')]), [0, 1]);
    return filesText(out('migrate'));
  },
};

const API: Record<string, Path> = {
  'GET /customers/{code}': async (user, layout) => {
    const texts: string[] = [];
    for (const code of codesOf(layout)) texts.push(await (await project.request(user, `/sources/${layout.source}/customers/${encodeURIComponent(code)}`)).text());
    return texts.join('\n');
  },
  'POST /customers:lookup': (user, layout) =>
    body(project.request(user, `/sources/${layout.source}/customers:lookup`, { method: 'POST', body: JSON.stringify({ codes: codesOf(layout) }), headers: { 'content-type': 'application/json' } })),
  'GET /customers': (user, layout) => body(project.request(user, `/sources/${layout.source}/customers?limit=1000&count=true`)),
  'GET /export (json, ndjson, csv, xlsx)': async (user, layout) => {
    const texts: string[] = [];
    for (const format of ['json', 'ndjson', 'csv', 'xlsx']) texts.push(await body(project.request(user, `/sources/${layout.source}/export?format=${format}`)));
    return texts.join('\n');
  },
  'POST /audit (JSON and HTML)': async (user, layout) =>
    `${await body(project.request(user, `/sources/${layout.source}/audit`, { method: 'POST' }))}\n${await body(project.request(user, `/sources/${layout.source}/audit?format=html`, { method: 'POST' }))}`,
};

/** Texts that would confirm a masked name or short name one guess at a time. */
function probes(field: MaskableField, layout: MatrixLayout): string[] {
  if (field === 'name') return layout.records.flatMap((record) => [record.name, pinyinInitials(record.name).slice(0, 6)]);
  if (field === 'shortName') return layout.records.flatMap((record) => (record.shortName === undefined ? [] : [record.shortName]));
  return [];
}

describe.each(LAYOUTS)('masks on every path (%s)', (source) => {
  const layout = () => project.layouts.find((candidate) => candidate.source === source)!;

  for (const [surface, paths] of [['CLI', CLI], ['API', API]] as const) {
    for (const [name, read] of Object.entries(paths)) {
      it(`${surface} ${name}: no masked value of any field`, async () => {
        for (const field of MASKABLE_FIELDS) {
          const out = (file: string) => {
            const path = join(project.directory, source, field, name.replace(/\W+/g, '-'), file);
            mkdirSync(dirname(path), { recursive: true });
            return path;
          };
          const text = await read(roleOf(field), layout(), out);
          expect(leakedNeedles(text, maskNeedles(stored, field)), `${field} masked`).toEqual([]);
        }
      });
    }
  }

  it('text search finds nothing by a masked name, its pinyin initials or a masked short name — and says so', async () => {
    for (const field of ['name', 'shortName'] as const) {
      for (const text of probes(field, layout())) {
        expect(jsonRecords(await output(project.run(ADMIN, ['search', source, text, '--json']))).length, `admin finds "${text}"`).toBeGreaterThan(0);
        const cli = await project.run(roleOf(field), ['search', source, text, '--json']);
        expect(jsonRecords(cli.stdout), `CLI "${text}" with ${field} masked`).toEqual([]);
        expect(cli.stderr).toMatch(new RegExp(`note: ${field} is masked for your role, so the search text matched code, .* only`));
        const api = await project.request(roleOf(field), `/sources/${source}/customers?text=${encodeURIComponent(text)}`);
        const page = (await api.json()) as { items: Customer[]; textFields: string[] };
        expect(page.items, `API "${text}" with ${field} masked`).toEqual([]);
        expect(page.textFields).not.toContain(field);
        expect(api.headers.get('custcode-text-fields')).toBe(page.textFields.join(','));
      }
    }
  });
});
