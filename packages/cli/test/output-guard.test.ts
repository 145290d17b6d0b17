import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo/demo-command.js';
import { captureIo, runInProcess, tempProject } from './test-io.js';

let project: ReturnType<typeof tempProject>;
/** The bytes of every file the config reads, to prove none changed. */
let before: Map<string, Buffer>;
const READ_FILES = ['probe.sqlite', 'clients.csv', 'sap-emulator.json', 'custcode.config.json', 'access.jsonl'];
const snapshot = () => new Map(READ_FILES.map((name) => [name, readFileSync(join(project.directory, name))]));

beforeAll(() => {
  project = tempProject({
    sources: {
      sq: { erp: 'generic-sql', url: 'sqlite:./probe.sqlite', table: 'Customer', columns: { code: 'id', name: 'name' } },
      clients: { erp: 'file', path: './clients.csv', columns: { code: 'code', name: 'name' } },
      sap: { erp: 'sap', emulator: './sap-emulator.json' },
    },
    accessLog: { path: './access.jsonl' },
  });
  const database = new Database(join(project.directory, 'probe.sqlite'));
  database.exec("CREATE TABLE Customer (id TEXT PRIMARY KEY, name TEXT); INSERT INTO Customer VALUES ('C1', '甲公司'), ('C2', 'Acme')");
  database.close();
  project.write('clients.csv', 'code,name\nC1,甲公司\nC2,Acme\n');
  project.write('sap-emulator.json', '{}');
  project.write('access.jsonl', '');
  mkdirSync(join(project.directory, 'sub'));
  symlinkSync(join(project.directory, 'probe.sqlite'), join(project.directory, 'link.csv'));
  symlinkSync(join(project.directory, 'probe.sqlite-shm'), join(project.directory, 'dangling.csv'));
  symlinkSync(project.directory, join(project.directory, 'alias'));
  linkSync(join(project.directory, 'clients.csv'), join(project.directory, 'hard.csv'));
  before = snapshot();
});
afterAll(() => project.cleanup());
const run = (args: string[]) => runInProcess(args, { cwd: project.directory });

async function expectRefused(args: string[], what: RegExp): Promise<void> {
  const result = await run(args);
  expect({ args, exitCode: result.exitCode }).toEqual({ args, exitCode: 2 });
  expect(result.stderr).toMatch(what);
  expect(result.stderr).toMatch(/custcode never writes over what it reads[\s\S]*hint: Choose another/);
  expect(snapshot()).toEqual(before);
}

describe('no command writes over a file the config reads', () => {
  it('export: the reported cases, the SQLite database of the source exported and the CSV source', async () => {
    await expectRefused(['export', 'sq', '--out', 'probe.sqlite', '--format', 'csv'], /--out probe\.sqlite is the database of source "sq"/);
    await expectRefused(['export', 'clients', '--out', 'clients.csv'], /the file of source "clients"/);
    const json = await run(['export', 'sq', '--out', 'probe.sqlite', '--format', 'csv', '--json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'USAGE', category: 'usage' });
  });

  it('export: through a symlink, a hard link, a symlinked directory, a dangling link, .. and the SQLite sidecars', async () => {
    await expectRefused(['export', 'clients', '--out', 'link.csv'], /the database of source "sq"/);
    await expectRefused(['export', 'sq', '--out', 'hard.csv'], /the file of source "clients"/);
    await expectRefused(['export', 'clients', '--out', 'alias/probe.sqlite-wal', '--format', 'csv'], /the database of source "sq" \(its wal file\)/);
    await expectRefused(['export', 'clients', '--out', 'dangling.csv'], /its shm file/);
    await expectRefused(['export', 'clients', '--out', 'sub/../probe.sqlite-journal', '--format', 'csv'], /its journal file/);
  });

  it('export: the config file, the access log and the SAP emulator data', async () => {
    await expectRefused(['export', 'clients', '--out', 'custcode.config.json'], /the config file/);
    await expectRefused(['export', 'clients', '--out', 'access.jsonl', '--format', 'ndjson'], /the access log/);
    await expectRefused(['export', 'clients', '--out', 'sap-emulator.json'], /the SAP emulator data of source "sap"/);
  });

  it('every other command that writes files', async () => {
    await expectRefused(['report', 'clients', '--template', 'summary', '--out', 'alias/clients.csv', '--format', 'html'], /--out alias\/clients\.csv is the file of source "clients"/);
    await expectRefused(['audit', 'clients', '--html', 'probe.sqlite'], /--html probe\.sqlite/);
    await expectRefused(['audit', 'clients', '--fix-plan', 'hard.csv'], /--fix-plan hard\.csv/);
    await expectRefused(['migrate', 'clients', '--rule', 'K{seq:3}', '--out', 'clients.csv'], /--out .*clients\.csv is the file of source "clients"/);
    await expectRefused(['migrate', 'clients', '--rule', 'K{seq:3}', '--out', 'm', '--crosswalk', 'link.csv'], /--crosswalk/);
    await expectRefused(['migrate', 'clients', '--rule', 'K{seq:3}', '--out', 'm', '--store', 'sqlite:./probe.sqlite'], /--store .*probe\.sqlite is the database/);
    await expectRefused(['changes', 'clients', '--save-snapshot', 'clients.csv'], /--save-snapshot clients\.csv/);
    await expectRefused(['changes', 'sq', '--save-snapshot', 'state.ndjson', '--out', 'probe.sqlite'], /--out probe\.sqlite/);
    await expectRefused(['changes', 'clients', '--save-snapshot', 'state.ndjson', '--notify', 'access.jsonl'], /--notify access\.jsonl is the access log/);
    await expectRefused(['rule', 'generate', 'K{seq:3}', '--count', '1', '--store', 'clients.csv'], /--store clients\.csv/);
    await expectRefused(['rule', 'generate', 'K{seq:3}', '--count', '1', '--store', 'sqlite:./probe.sqlite'], /--store .*probe\.sqlite/);
    expect(existsSync(join(project.directory, 'm'))).toBe(false);
    expect(existsSync(join(project.directory, 'state.ndjson'))).toBe(false);
  });

  it('still writes anywhere else, also beside the sources', async () => {
    for (const args of [['export', 'sq', '--out', 'sq-export.csv'], ['export', 'clients', '--out', 'alias/new.xlsx'], ['audit', 'clients', '--fix-plan', 'plan.csv'], ['rule', 'generate', 'K{seq:3}', '--count', '1', '--store', 'seq.json']]) {
      expect((await run(args)).exitCode, args.join(' ')).toBe(0);
    }
    // The access log grows with every command run; nothing else changed.
    const after = snapshot();
    after.delete('access.jsonl');
    expect(after).toEqual(new Map([...before].filter(([name]) => name !== 'access.jsonl')));
    before = snapshot();
  });

  it('refuses an access log that is a file a source reads', async () => {
    const other = tempProject({ sources: { clients: { erp: 'file', path: './clients.csv', columns: { code: 'code', name: 'name' } } }, accessLog: { path: './clients.csv' } });
    other.write('clients.csv', 'code,name\nC1,x\n');
    try {
      const result = await runInProcess(['get', 'clients', 'C1'], { cwd: other.directory });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/accessLog\.path .*clients\.csv is the file of source "clients"/);
      expect(readFileSync(join(other.directory, 'clients.csv'), 'utf8')).toBe('code,name\nC1,x\n');
    } finally {
      other.cleanup();
    }
  });
});

describe('the demo directory', () => {
  it('is refused to the demo when it holds files the demo did not make, rebuilt when it is a demo, and its files are safe from any config', async () => {
    const refused = captureIo(project.directory);
    expect(await runDemo(refused.io, { dir: '.', count: 200 })).toBe(2);
    expect(refused.stderr()).toMatch(/already holds .*custcode\.config\.json, and the demo did not create them/);
    expect(snapshot()).toEqual(before);

    expect(await runDemo(captureIo(project.directory).io, { dir: 'demo', count: 200, json: true })).toBe(0);
    expect(await runDemo(captureIo(project.directory).io, { dir: 'demo', count: 200, json: true })).toBe(0);
    const demoDatabase = readFileSync(join(project.directory, 'demo', 'u8.sqlite'));
    // The project's config knows nothing of the demo: the demo's marker protects its files.
    await expectRefused(['export', 'clients', '--out', 'demo/u8.sqlite', '--format', 'csv'], /is a file of the demo in .*demo/);
    await expectRefused(['export', 'clients', '--out', 'alias/demo/k3cloud.sqlite-wal', '--format', 'csv'], /a file of the demo/);
    await expectRefused(['export', 'clients', '--out', 'demo/custcode.config.json'], /a file of the demo/);
    expect(readFileSync(join(project.directory, 'demo', 'u8.sqlite'))).toEqual(demoDatabase);
    // The tour's exports, beside the demo's files, work.
    const tour = await runInProcess(['export', 'u8', '--out', 'u8.xlsx'], { cwd: join(project.directory, 'demo') });
    expect(tour.exitCode).toBe(0);
  });
});
