import { readFileSync } from 'node:fs';
import { seedODataService, startODataEmulator, type ODataEmulator } from '@custcode/adapter-sap/emulator';
import { canonicalCustomers } from '@custcode/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from './test-io.js';

// An "erp": "sap" source over API_BUSINESS_PARTNER, configured as a user would, against the OData emulator on a local port.
describe('custcode on an SAP source over OData', () => {
  const seed = seedODataService(canonicalCustomers(), { orgScope: 'company-code', sourceName: 's4' });
  let emulator: ODataEmulator;
  let project: ReturnType<typeof tempProject>;
  const env = { SAP_ODATA_PASSWORD: 'odata-Secret-9' };
  const run = (args: string[]) => runInProcess(args, { cwd: project.directory, env });

  beforeAll(async () => {
    emulator = await startODataEmulator(seed.tables, { serverPageSize: 25, lastChanged: seed.lastChanged, basic: { user: 'CC_READER', password: env.SAP_ODATA_PASSWORD } });
    project = tempProject({
      sources: {
        s4: { erp: 'sap', orgScope: 'company-code', pageSize: 60, odata: { url: emulator.url, client: '100', language: 'ZH', timeZone: 'Asia/Shanghai', auth: { basic: { user: 'CC_READER', password: { env: 'SAP_ODATA_PASSWORD' } } } } },
      },
    });
  });
  afterAll(async () => {
    await emulator.close();
    project.cleanup();
  });

  it('get: one record per company code, and a miss exits 1', async () => {
    const get = await run(['get', 's4', '1000', '--org', '1000', '--json']);
    expect(get.exitCode, get.stderr).toBe(0);
    const expected = seed.expected.find((record) => record.code === '1000' && record.org === '1000')!;
    const { raw: _raw, ...fields } = expected;
    expect(JSON.parse(get.stdout)).toMatchObject([fields]);
    expect((await run(['get', 's4', 'NOPE'])).exitCode).toBe(1);
    expect(emulator.requests.every((request) => request.method === 'GET' && request.query.get('sap-client') === '100')).toBe(true);
  });

  it('search with filters, and the change feed from the business partners', async () => {
    const search = await run(['search', 's4', '--status', 'deleted', '--org', '2000', '--json']);
    expect(search.exitCode, search.stderr).toBe(0);
    const wanted = seed.expected.filter((record) => record.status === 'deleted' && record.org === '2000').map((record) => record.code);
    expect(wanted.length).toBeGreaterThan(0);
    expect((JSON.parse(search.stdout) as Array<{ code: string }>).map((record) => record.code).sort()).toEqual(wanted.sort());
    const feed = await run(['search', 's4', '--updated-since', '2024-06-01', '--org', '1000', '--json']);
    expect(feed.exitCode, feed.stderr).toBe(0);
    const changed = seed.expected.filter((record) => record.org === '1000' && (record.updatedAt ?? record.createdAt ?? '') >= '2024-06-01T00:00:00').map((record) => record.code);
    expect((JSON.parse(feed.stdout) as Array<{ code: string }>).map((record) => record.code).sort()).toEqual(changed.sort());
  });

  it('changes --since lists the customers whose business partner changed (or, never changed, were created) since', async () => {
    const changes = await run(['changes', 's4', '--since', '2024-06-01', '--json']);
    expect(changes.exitCode, changes.stderr).toBe(0);
    const codes = new Set(seed.expected.filter((record) => (record.updatedAt ?? record.createdAt ?? '') >= '2024-06-01T00:00:00').map((record) => record.code));
    expect(codes.size).toBeGreaterThan(0);
    const report = JSON.parse(changes.stdout) as Record<string, unknown>;
    const listed = (['added', 'changed', 'blocked', 'unblocked', 'deleted'] as const).flatMap((kind) => report[kind] as Array<{ code: string }>);
    expect(new Set(listed.map((entry) => entry.code))).toEqual(codes);
  });

  it('export and audit read the whole source; the password is nowhere in the output', async () => {
    const out = project.write('s4.csv', '');
    const exported = await run(['export', 's4', '--out', out, '--format', 'csv']);
    expect(exported.exitCode, exported.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(seed.expected.length);
    const audit = await run(['audit', 's4', '--json']);
    expect([0, 1], audit.stderr).toContain(audit.exitCode);
    expect(JSON.parse(audit.stdout)).toBeTypeOf('object');
    for (const text of [exported.stdout, exported.stderr, audit.stdout, audit.stderr]) expect(text).not.toContain(env.SAP_ODATA_PASSWORD);
  });

  it('sources --check probes the entity sets; a wrong password is an authentication failure without the secret', async () => {
    const check = await run(['sources', '--check', '--json']);
    const [report] = JSON.parse(check.stdout) as Array<Record<string, any>>;
    expect(report, check.stderr).toMatchObject({ name: 's4', ok: true });
    expect(report!.authorizations.checks.map((entry: { values: { ENTITY_SET: string }; status: string }) => `${entry.values.ENTITY_SET} ${entry.status}`)).toEqual([
      'A_Customer granted',
      'A_BusinessPartner granted',
      'A_CustomerCompany granted',
    ]);
    const wrong = await runInProcess(['get', 's4', '1000'], { cwd: project.directory, env: { SAP_ODATA_PASSWORD: 'not-the-Password' } });
    expect(wrong.exitCode).not.toBe(0);
    expect(wrong.stderr).toMatch(/401/);
    expect(wrong.stderr).not.toContain('not-the-Password');
  });
});
