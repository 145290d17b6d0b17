import { audit } from '@custcode/audit';
import { type ChangeList } from '@custcode/changes';
import { type Customer } from '@custcode/core';
import { type MigrationSummary } from '@custcode/migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAuditConsole } from '../src/commands/audit/audit-console.js';
import { renderChangeList } from '../src/commands/changes/change-output.js';
import { renderMigrationSummary } from '../src/commands/migrate/migrate-console.js';
import { escapeControls } from '../src/output/terminal-text.js';
import { runInProcess, tempProject } from './test-io.js';

/** What a hostile record carries: clear screen, an OSC 8 hyperlink ended by BEL, a C1 CSI, DEL, a right-to-left override. */
const CLEAR = '\x1b[2J';
const OSC = '\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07';
const C1 = '\x9b31m';
const RLO = '\u202e';
const HOSTILE_NAME = `Evil${CLEAR} Ltd${OSC}${C1}\x7f${RLO}gpj.exe`;
const HOSTILE_CODE = `X${CLEAR}1`;

/** Anything a terminal would act on; a human printer may only emit line feeds. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectSafe(text: string): void {
  expect(text).not.toMatch(RAW_CONTROL);
}

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject({
    sources: { hostile: { erp: 'file', path: './hostile.csv', columns: { code: 'code', name: 'name', region: 'region' } } },
    rules: { kh: 'X{seq:1}' },
  });
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  project.write('hostile.csv', ['code,name,region', `C001,${quoted(HOSTILE_NAME)},北京`, `${quoted(HOSTILE_CODE)},${quoted(`Two\nLines${CLEAR}`)},上海`, `C003,${quoted(HOSTILE_NAME)},北京`].join('\n'));
});
afterAll(() => project.cleanup());
const run = (args: string[], stdin?: string) => runInProcess(args, { cwd: project.directory, ...(stdin === undefined ? {} : { stdin }) });

describe('escapeControls', () => {
  it('shows C0, DEL, C1 and bidi controls as escapes and leaves other text alone', () => {
    expect(escapeControls(`a${CLEAR}b\x07\x7f\x9b${RLO}\u2066\n\t北京 Ω`)).toBe('a\\x1b[2Jb\\x07\\x7f\\x9b\\u202e\\u2066\\x0a\\x09北京 Ω');
  });
});

describe('human printers escape control characters; JSON stays exact', () => {
  it('get: the table, and not-found codes read from stdin', async () => {
    const table = await run(['get', 'hostile', 'C001', '-'], `NOPE${CLEAR}\n`);
    expectSafe(table.stdout + table.stderr);
    expect(table.stdout).toContain('Evil\\x1b[2J Ltd\\x1b]8;;https://evil.example/\\x07click');
    expect(table.stderr).toContain('not found: NOPE\\x1b[2J');
    const json = await run(['get', 'hostile', 'C001', '--json']);
    expect((JSON.parse(json.stdout) as Customer[])[0]!.name).toBe(HOSTILE_NAME);
  });

  it('search: the table (line breaks inside a cell keep the table on one line per record)', async () => {
    const table = await run(['search', 'hostile']);
    expectSafe(table.stdout);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(2 + 3);
    expect(table.stdout).toContain('X\\x1b[2J1');
    const json = await run(['search', 'hostile', '--json']);
    expect((JSON.parse(json.stdout) as Customer[]).map((customer) => customer.name)).toContain(HOSTILE_NAME);
  });

  it('search --ask: what was understood', async () => {
    const result = await run(['search', 'hostile', '--ask', `北京 ${CLEAR}`]);
    expectSafe(result.stdout + result.stderr);
    expect(result.stderr).toContain('\\x1b[2J');
  });

  it('error messages that quote user input', async () => {
    const unknown = await run(['get', `no${CLEAR}such`, 'C1']);
    expect(unknown.exitCode).toBe(2);
    expectSafe(unknown.stderr);
    expect(unknown.stderr).toContain('Unknown source "no\\x1b[2Jsuch"');
    const json = await run(['get', `no${CLEAR}such`, 'C1', '--json']);
    expect(JSON.parse(json.stdout).error.message).toContain(`no${CLEAR}such`);
  });

  it('rule validate, explain and generate', async () => {
    // A rule makes codes of at most 40 characters: a shorter hyperlink keeps this one valid.
    const link = '\x1b]8;;https://e.x/\x07c\x1b]8;;\x07';
    const rule = `K${link}{seq:2}`;
    for (const args of [['rule', 'validate', rule, `K${link}01`, `bad${CLEAR}`], ['rule', 'explain', rule], ['rule', 'generate', rule, '--count', '2']]) {
      const result = await run(args);
      expect(result.exitCode, args.join(' ')).toBeLessThan(2);
      expectSafe(result.stdout + result.stderr);
      expect(result.stdout).toContain('\\x1b]8;;');
    }
  });

  it('sources: the table of targets', async () => {
    const other = tempProject({ sources: { [`s${CLEAR}`]: { erp: 'file', path: `./x${OSC}.csv`, columns: { code: 'c', name: 'n' } } } });
    try {
      const result = await runInProcess(['sources', '--check'], { cwd: other.directory });
      expectSafe(result.stdout + result.stderr);
      expect(result.stdout).toContain('s\\x1b[2J');
    } finally {
      other.cleanup();
    }
  });

  it('access-log: the table of entries', async () => {
    const logged = tempProject({
      sources: { hostile: { erp: 'file', path: './hostile.csv', columns: { code: 'code', name: 'name' } } },
      roles: { admin: { sources: { '*': { commands: '*' } } } },
      users: { ops: { role: 'admin' } },
    });
    logged.write('hostile.csv', `code,name\nC001,${JSON.stringify(HOSTILE_NAME)}\n`);
    try {
      const options = { cwd: logged.directory, env: { CUSTCODE_USER: 'ops' } };
      // The query column is JSON text, which keeps C1 and bidi characters as they are.
      await runInProcess(['search', 'hostile', `x${C1}${RLO}`], options);
      const result = await runInProcess(['access-log'], options);
      expect(result.exitCode).toBe(0);
      expectSafe(result.stdout);
      expect(result.stdout).toContain('x\\x9b31m\\u202e');
    } finally {
      logged.cleanup();
    }
  });

  it('audit: the console summary', async () => {
    const result = await run(['audit', 'hostile', '--rule', 'kh']);
    expect(result.exitCode).toBe(0);
    expectSafe(result.stdout + result.stderr);
    expect(result.stdout).toContain('X\\x1b[2J1');
    async function* records() {
      yield { code: `A${CLEAR}`, name: HOSTILE_NAME };
      yield { code: `A${CLEAR}`, name: `${HOSTILE_NAME} 2` };
    }
    const text = renderAuditConsole(await audit(records(), { source: `s${RLO}` }));
    expectSafe(text);
    expect(text).toContain('\\u202e');
  });

  it('migrate: the console summary', async () => {
    const result = await run(['migrate', 'hostile', '--rule', 'M{seq:3}', '--out', 'migration', '--dry-run']);
    expectSafe(result.stdout + result.stderr);
    expect(result.stdout).toContain('X\\x1b[2J1');
    const summary = {
      source: `s${CLEAR}`, target: null, rule: 'M{seq:3}', rows: 1, dryRun: false,
      decisions: { kept: 0, generated: 1, 'merged-into': 0, conflict: 1 },
      carriedOver: 0, decidedNow: 1, missingFromSource: 0, skippedNumbers: 0,
      conflicts: [{ oldCode: HOSTILE_CODE, newCode: '', decision: 'conflict', reason: HOSTILE_NAME, heldBy: '' }],
      unmapped: [{ field: 'region', value: HOSTILE_NAME, count: 1, examples: [HOSTILE_CODE] }],
      nearDuplicates: { groups: 1, undecided: 1, examples: [{ codes: [HOSTILE_CODE, 'C2'], reason: 'same name', names: [HOSTILE_NAME, HOSTILE_NAME] }] },
      unknownDecisions: [HOSTILE_CODE],
      examples: [{ oldCode: HOSTILE_CODE, newCode: 'M001', decision: 'generated', name: HOSTILE_NAME }],
      needsDecision: true,
    } as unknown as MigrationSummary;
    const text = renderMigrationSummary(summary, [`out${OSC}.csv`]);
    expectSafe(text);
    expect(text.split('\n').filter((line) => line.includes('X\\x1b[2J1')).length).toBeGreaterThanOrEqual(4);
  });

  it('changes: the change list', () => {
    const entry = { code: HOSTILE_CODE, name: HOSTILE_NAME, status: 'active' as const };
    const list = {
      source: 's', erp: 'file', mode: 'snapshot', generatedAt: '2026-01-01T00:00:00', limitations: [],
      added: [entry], changed: [{ ...entry, changes: { name: { from: `a${C1}`, to: `b${RLO}` } } }], blocked: [], unblocked: [], deleted: [],
    } as unknown as ChangeList;
    const text = renderChangeList(list);
    expectSafe(text);
    expect(text).toContain('\\x9b31m');
    expect(text).toContain('\\u202e');
  });
});
