import { writeEmulatorData, type SapUserAuthorizations } from '@custcode/adapter-sap/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from './test-io.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const tables = {
  KNA1: [
    { KUNNR: '0000001000', NAME1: '北京星辰科技有限公司', LAND1: 'CN', REGIO: '11', KTOKD: 'Z001', ERDAT: '20240105' },
    { KUNNR: '0000001001', NAME1: '上海明辉贸易有限公司', LAND1: 'CN', REGIO: '31', KTOKD: 'Z002', ERDAT: '20240106' },
  ],
  KNB1: [],
  KNVV: [],
  T005U: [{ SPRAS: '1', LAND1: 'CN', BLAND: '11', BEZEI: '北京' }],
  T077X: [{ SPRAS: '1', KTOKD: 'Z001', TXT30: '批发客户' }],
};

/** A project whose SAP source is the emulator, logged on as RFC_READER with `authorizations`. */
async function sapProject(authorizations: SapUserAuthorizations, extra: Record<string, unknown> = {}) {
  const project = tempProject({ sources: { sap: { erp: 'sap', emulator: './sap.json' } }, ...extra });
  cleanup = project.cleanup;
  await writeEmulatorData(project.write('sap.json', ''), tables, { user: 'RFC_READER', authorizations: { RFC_READER: authorizations } });
  return (args: string[]) => runInProcess(args, { cwd: project.directory });
}

describe('SAP sources without rights on the text tables (CLI)', () => {
  it('`sources --check` lists what the RFC user needs and has, and warns that codes stand in for names', async () => {
    const run = await sapProject({ tables: ['KNA1'], rfc: ['SDTX'] });
    const human = await run(['sources', '--check']);
    expect(human.exitCode, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^sap +sap +emulator \.\/sap\.json +ok$/m);
    expect(human.stdout).toContain('sap: authorizations the RFC user needs (RFC_READ_TABLE)');
    expect(human.stdout).toMatch(/^S_RFC +ACTVT=16 RFC_TYPE=FUGR RFC_NAME=SDTX +calling the read module RFC_READ_TABLE +yes +granted$/m);
    expect(human.stdout).toMatch(/^S_TABU_NAM +ACTVT=03 TABLE=KNA1 +customer general data \(every read\) +yes +granted$/m);
    expect(human.stdout).toMatch(/^S_TABU_NAM +ACTVT=03 TABLE=T005U +region names \(without it: region codes\) +no +missing \(NOT_AUTHORIZED\)$/m);
    expect(human.stdout).toMatch(/^S_TABU_NAM +ACTVT=03 TABLE=T077X .* +no +missing \(NOT_AUTHORIZED\)$/m);
    expect(human.stderr).toMatch(/^warning \(sap\): .*T005U \(NOT_AUTHORIZED\), T077X \(NOT_AUTHORIZED\).*reported as codes/m);

    const json = await run(['sources', '--check', '--json']);
    expect(json.exitCode).toBe(0);
    const [report] = JSON.parse(json.stdout) as Array<Record<string, any>>;
    expect(report).toMatchObject({ name: 'sap', ok: true, warnings: [expect.stringContaining('T005U')], authorizations: { functionModule: 'RFC_READ_TABLE' } });
    expect(report!.authorizations.checks).toContainEqual({ object: 'S_TABU_NAM', values: { ACTVT: '03', TABLE: 'T005U' }, neededFor: 'region names (without it: region codes)', required: false, status: 'missing', exception: 'NOT_AUTHORIZED' });
  });

  it('`get` and `search` answer with codes and say so on stderr, leaving stdout clean', async () => {
    const run = await sapProject({ tables: ['KNA1'] });
    const get = await run(['get', 'sap', '1000', '--json']);
    expect(get.exitCode, get.stderr).toBe(0);
    expect(JSON.parse(get.stdout)).toMatchObject([{ code: '1000', region: '11', category: 'Z001' }]);
    expect(get.stderr).toMatch(/^warning \(sap\): .*T005U/m);
    const search = await run(['search', 'sap', '--region', '31', '--json']);
    expect(search.exitCode, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout) as Array<{ code: string }>).map((customer) => customer.code)).toEqual(['1001']);
    expect(search.stderr).toMatch(/^warning \(sap\): /m);
  });

  it('keeps a role\u2019s row filter and masks when codes stand in for names', async () => {
    const roles = { roles: { north: { sources: { sap: { commands: ['get', 'search'], filter: { region: '11' }, mask: ['name'] } } } }, users: { alice: { role: 'north' } } };
    const run = await sapProject({ tables: ['KNA1'] }, roles);
    const search = await run(['search', 'sap', '--json', '--user', 'alice']);
    expect(search.exitCode, search.stderr).toBe(0);
    const found = JSON.parse(search.stdout) as Array<{ code: string; name: string }>;
    expect(found.map((customer) => customer.code)).toEqual(['1000']);
    expect(found[0]!.name).not.toContain('星辰');
    expect((await run(['get', 'sap', '1001', '--user', 'alice'])).exitCode).toBe(1);
  });

  it('fails the check when the customer table itself is refused, and still lists what to grant', async () => {
    const run = await sapProject({ tables: ['T005U', 'T077X'] });
    const json = await run(['sources', '--check', '--json']);
    expect(json.exitCode).toBe(4);
    const [report] = JSON.parse(json.stdout) as Array<Record<string, any>>;
    expect(report).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORIZED' } });
    expect(report!.authorizations.checks.filter((check: { status: string }) => check.status === 'missing').map((check: { values: { TABLE: string } }) => check.values.TABLE)).toEqual(['KNA1', 'CDHDR', 'CDPOS']);
  });

  it('probes nothing for a custcode user whose role does not grant the source', async () => {
    const roles = { roles: { exporter: { sources: { sap: { commands: ['export'] } } } }, users: { bob: { role: 'exporter' } } };
    const run = await sapProject({ tables: '*' }, roles);
    const json = await run(['sources', '--check', '--json', '--user', 'bob']);
    expect(json.exitCode).toBe(4);
    const [report] = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(report).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORIZED' } });
    expect(report).not.toHaveProperty('authorizations');
  });
});
