/**
 * The adversarial suite (issue 15), on the command line: the review's CLI reproductions replayed against the
 * built `custcode` as the restricted user (masks on name, phone and taxId; row filters by org and code
 * prefix). Nothing printed or written may hold a masked value; no source file may be overwritten.
 */
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeList } from '@custcode/changes';
import type { Customer } from '@custcode/core';
import { leakedNeedles } from '@custcode/access/testing';
import { csvRows, jsonRecords } from '../../packages/cli/test/access-matrix/read-output.js';
import { ADMIN, type AdversarialProject, createAdversarialProject, RESTRICTED } from './support/adversarial-project.js';
import { type BuiltRun, custcode, notBuilt } from './support/built-custcode.js';
import { HYPERLINK } from './support/hostile-records.js';

if (notBuilt) console.warn(notBuilt);
/** Anything a terminal would act on; human output may only hold line feeds. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let project: AdversarialProject;
/** What the restricted user was shown since the last check. */
let shown: string[] = [];

beforeAll(async () => {
  if (!notBuilt) project = await createAdversarialProject({ mariadb: false });
});
afterAll(() => project?.cleanup());
afterEach(() => {
  if (notBuilt) return;
  expect(leakedNeedles(shown.join('\n'), project.needles), 'masked values shown').toEqual([]);
  shown = [];
});

function run(user: string, args: string[], exitCodes = [0]): BuiltRun {
  const result = custcode(['--user', user, ...args], { cwd: project.directory, env: project.env });
  expect(exitCodes, `custcode ${args.join(' ')}: ${result.stderr}`).toContain(result.exitCode);
  expect(result.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
  if (user !== ADMIN) shown.push(result.stdout, result.stderr);
  return result;
}
const key = (record: Pick<Customer, 'code' | 'org'>) => `${record.code}|${record.org ?? ''}`;
const outside = (source: string, records: Array<Pick<Customer, 'code' | 'org'>>) => records.filter((record) => !project.within(source, record)).map(key);
const sourceFiles = () => readdirSync(project.directory).filter((name) => /\.(sqlite|csv|json)$/.test(name) && !name.startsWith('out'));
const fingerprint = () => Object.fromEntries(sourceFiles().map((name) => [name, createHash('sha256').update(readFileSync(join(project.directory, name))).digest('hex')]));

describe.skipIf(notBuilt)('the custcode CLI under the review\'s reproductions (restricted user)', () => {
  it('item 1: a rule past the bounds is exit 2 with a message, not a V8 crash', () => {
    for (const args of [['rule', 'validate', 'KH{seq:999999999}', 'KH1'], ['audit', 'crm', '--rule', 'KH{seq:99999999}']]) {
      expect(run(RESTRICTED, args, [2]).stderr).toMatch(/^error: .*\{seq:9+\}/);
    }
  });

  it('item 2: get, search and changes hand out nothing outside the row filter (KH2015 included)', () => {
    for (const source of ['crm', 'sap', 'ebs', 'k3']) {
      const codes = [...new Set(project.layouts.find((layout) => layout.source === source)!.records.map((record) => record.code.trim()).filter(Boolean))];
      expect(codes).toContain('KH2015');
      expect(outside(source, jsonRecords(run(RESTRICTED, ['get', source, ...codes, '--json'], [1]).stdout)), `${source} get`).toEqual([]);
      expect(outside(source, jsonRecords(run(RESTRICTED, ['search', source, '--json']).stdout)), `${source} search`).toEqual([]);
      run(ADMIN, ['changes', source, '--save-snapshot', `out-${source}.ndjson`, '--quiet']);
      for (const args of [['--since', '2000-01-01'], ['--snapshot', `out-${source}.ndjson`]]) {
        const list = JSON.parse(run(RESTRICTED, ['changes', source, ...args, '--json']).stdout) as ChangeList;
        expect(outside(source, [...list.added, ...list.changed, ...list.blocked, ...list.unblocked, ...list.deleted]), `${source} changes ${args[0]}`).toEqual([]);
      }
    }
  });

  it('item 3: masked values stay masked in raw columns and tables; text search does not match a masked name', () => {
    for (const source of ['ebs', 'u8', 'k3wise']) {
      const codes = project.layouts.find((layout) => layout.source === source)!.records.map((record) => record.code.trim()).filter(Boolean);
      const records = jsonRecords(run(RESTRICTED, ['get', source, ...codes, '--json'], [0, 1]).stdout);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((record) => record.name.includes('*') && Object.keys(record.raw ?? {}).length > 0)).toBe(true);
      run(RESTRICTED, ['get', source, ...codes], [0, 1]);
    }
    for (const text of ['丰贝澜贸易', 'fblmy']) {
      expect(jsonRecords(run(ADMIN, ['search', 'crm', text, '--json']).stdout).length, `admin finds ${text}`).toBeGreaterThan(0);
      const masked = run(RESTRICTED, ['search', 'crm', text, '--json']);
      expect(jsonRecords(masked.stdout)).toEqual([]);
      expect(masked.stderr).toMatch(/note: name is masked for your role/);
    }
  });

  it('item 4: no export path that is, or links to, a file a source reads is written', () => {
    const before = fingerprint();
    symlinkSync(join(project.directory, 'u8.sqlite'), join(project.directory, 'out-link.csv'));
    linkSync(join(project.directory, 'k3cloud.sqlite'), join(project.directory, 'out-hard.csv'));
    mkdirSync(join(project.directory, 'sub'));
    for (const [source, out] of [['crm', 'crm.sqlite'], ['clients', 'clients.csv'], ['u8', 'out-link.csv'], ['k3', 'out-hard.csv'], ['ebs', 'sub/../ebs.sqlite'], ['sap', 'sap-emulator.json'], ['hostile', './hostile.csv']]) {
      expect(run(RESTRICTED, ['export', source!, '--out', out!, '--format', 'csv'], [2]).stderr, `${source} → ${out}`).toMatch(/^error: .*\nhint: /);
    }
    expect(fingerprint()).toEqual(before);
  });

  it('item 7: a URL\'s password is in no config error (text and --json), and ?password= is refused', () => {
    const configs = {
      'out-scheme.json': { sources: { x: { erp: 'generic-sql', url: 'mariadbx://cc_ro:se/cret99@127.0.0.1/erp', table: 'Customer', columns: { code: 'code', name: 'name' } } } },
      'out-query.json': { sources: { x: { erp: 'generic-sql', url: 'mysql://cc_ro@127.0.0.1/erp?password=QPASS4711', table: 'Customer', columns: { code: 'code', name: 'name' } } } },
    };
    for (const [file, config] of Object.entries(configs)) {
      writeFileSync(join(project.directory, file), JSON.stringify(config));
      for (const args of [['sources', '--check'], ['sources', '--check', '--json'], ['get', 'x', 'C001', '--json']]) {
        const result = run(RESTRICTED, ['--config', file, ...args], [2]);
        for (const secret of ['cret99', 'QPASS4711']) expect(result.stdout + result.stderr).not.toContain(secret);
      }
    }
  });

  it('item 9: CSV files neutralise formula cells and keep numbers and phone numbers readable', () => {
    run(RESTRICTED, ['export', 'hostile', '--out', 'out-hostile.csv', '--fields', 'code,shortName,contact,category']);
    expect(csvRows(readFileSync(join(project.directory, 'out-hostile.csv'), 'utf8'))).toEqual([
      { code: 'H001', shortName: "'-2+3+cmd|x", contact: `'${HYPERLINK}`, category: "'@SUM(1+1)" },
      { code: 'H002', shortName: '+86 10 1234 5678', contact: '赵平和', category: '-5' },
    ]);
  });

  it('item 10: get and search tables show terminal escapes as text; JSON stays exact', () => {
    for (const user of [ADMIN, RESTRICTED]) {
      for (const args of [['get', 'hostile', 'H001', 'X001', 'H002'], ['search', 'hostile']]) {
        const result = run(user, args, [0, 1]);
        expect(result.stdout + result.stderr, `${user} ${args[0]}`).not.toMatch(RAW_CONTROL);
        if (user === ADMIN) expect(result.stdout).toContain('\\x1b[2J');
      }
    }
    expect(jsonRecords(run(ADMIN, ['get', 'hostile', 'H001', '--json']).stdout)[0]!.name).toContain('\x1b[2J');
  });
});
