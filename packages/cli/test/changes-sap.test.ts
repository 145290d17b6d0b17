import { CHANGE_DOCUMENT_LIMITATIONS } from '@custcode/changes';
import { writeEmulatorData } from '@custcode/adapter-sap/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { SINCE, seedWithChanges } from '../../adapter-sap/test/change-documents-seed.js';
import { runInProcess, tempProject } from './test-io.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A project whose SAP source is the emulator holding the canonical customers and their change documents. */
async function sapProject(source: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const project = tempProject({ sources: { sap: { erp: 'sap', emulator: './sap.json', ...source } }, ...extra });
  cleanup = project.cleanup;
  const orgScope = (source.orgScope ?? 'none') as 'none' | 'company-code';
  const { tables, expected } = seedWithChanges(orgScope);
  await writeEmulatorData(project.write('sap.json', ''), tables);
  const original = (code: string, org?: string) => expected.find((customer) => customer.code === code && customer.org === org)!;
  return { run: (args: string[]) => runInProcess(args, { cwd: project.directory }), original };
}

describe('custcode changes on an SAP source (change documents)', () => {
  it('--since lists changed customers with fields old → new, deleted and unblocked ones, from CDHDR/CDPOS', async () => {
    const { run, original } = await sapProject({});
    const result = await run(['changes', 'sap', '--since', SINCE, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const list = JSON.parse(result.stdout);
    expect(list).toMatchObject({ source: 'sap', erp: 'sap', mode: 'since', since: SINCE, added: [], blocked: [] });
    expect(list.changed).toEqual([
      {
        code: 'KH23010002', name: '上海明辉医药股份有限公司', status: 'active',
        changes: { name: { from: original('KH23010002').name, to: '上海明辉医药股份有限公司' }, phone: { from: original('KH23010002').phone, to: '021-55550000' } },
      },
      { code: 'KH23010008', name: original('KH23010008').name, status: 'active', changes: { phone: { from: original('KH23010008').phone, to: '021-60000049' } } },
    ]);
    expect(list.deleted).toEqual([{ code: 'KH23010003', name: original('KH23010003').name, status: 'deleted' }]);
    expect(list.unblocked).toEqual([{ code: 'KH23010004', name: original('KH23010004').name, status: 'active' }]);
    expect(list.limitations).toEqual(CHANGE_DOCUMENT_LIMITATIONS);

    const human = await run(['changes', 'sap', '--since', SINCE]);
    expect(human.stdout).toMatch(/^sap: 0 added, 2 changed, 0 blocked, 1 unblocked, 1 deleted \(since 2030-03-01T12:00\)$/m);
    expect(human.stdout).toContain(`phone: ${JSON.stringify(original('KH23010002').phone)} → "021-55550000"`);
  });

  it('with company codes, an org-level deletion flag is reported for that company code only', async () => {
    const { run, original } = await sapProject({ orgScope: 'company-code' });
    const list = JSON.parse((await run(['changes', 'sap', '--since', SINCE, '--json'])).stdout);
    expect(list.deleted).toEqual([
      { code: 'KH23010001', org: '2000', name: original('KH23010001', '2000').name, status: 'deleted' },
      { code: 'KH23010003', org: '1000', name: original('KH23010003', '1000').name, status: 'deleted' },
    ]);
  });

  it('masks old and new values of a masked field for a role', async () => {
    const roles = { roles: { viewer: { sources: { sap: { commands: '*', mask: ['phone'] } } } }, users: { ann: { role: 'viewer' } } };
    const { run, original } = await sapProject({}, roles);
    const result = await run(['changes', 'sap', '--since', SINCE, '--json', '--user', 'ann']);
    expect(result.exitCode, result.stderr).toBe(0);
    const changed = JSON.parse(result.stdout).changed.find((entry: { code: string }) => entry.code === 'KH23010002');
    expect(changed.changes.name.to).toBe('上海明辉医药股份有限公司');
    expect(changed.changes.phone.to).toBe('021*****0000');
    expect(result.stdout).not.toContain('021-55550000');
    expect(result.stdout).not.toContain(original('KH23010002').phone);
  });

  it('changeDocuments: false compares the creation date only, and says so', async () => {
    const { run } = await sapProject({ changeDocuments: false });
    const list = JSON.parse((await run(['changes', 'sap', '--since', SINCE, '--json'])).stdout);
    expect([list.changed, list.deleted, list.unblocked]).toEqual([[], [], []]);
    expect(list.limitations).toContain('This source only records creation dates: only added customers can be found.');
  });
});
