import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from './test-io.js';

const fileSource = { erp: 'file', path: './c.csv', columns: { code: '客户编号', name: '客户名称' } };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function withConfig(config: unknown, args: string[], env: NodeJS.ProcessEnv = {}) {
  const project = tempProject(config);
  cleanup = project.cleanup;
  project.write('c.csv', '客户编号,客户名称\nC001,北京测试有限公司\n');
  return runInProcess(args, { cwd: project.directory, env });
}

describe('config errors', () => {
  it('suggests the nearest key for a typo at the top level and inside a source', async () => {
    const top = await withConfig({ soures: {} }, ['sources']);
    expect(top.exitCode).toBe(2);
    expect(top.stderr).toMatch(/unknown key "soures"\. Did you mean "sources"\?/);

    const inner = await withConfig({ sources: { u8: { erp: 'yonyou-u8', url: 'mssql://sa@h/db', pasword: { env: 'X' } } } }, ['sources']);
    expect(inner.exitCode).toBe(2);
    expect(inner.stderr).toContain('sources.u8: unknown key "pasword". Did you mean "password"?');
    expect(inner.stderr).toMatch(/^hint: Valid keys here: erp, url, password/m);
  });

  it('suggests the nearest ERP and names a missing required key', async () => {
    const erp = await withConfig({ sources: { k3: { erp: 'kingdee-k3clod', url: 'sqlite:./k3.sqlite' } } }, ['sources']);
    expect(erp.stderr).toContain('unknown ERP "kingdee-k3clod". Did you mean "kingdee-k3cloud"?');
    const missing = await withConfig({ sources: { crm: { erp: 'generic-sql', url: 'sqlite:./crm.sqlite', columns: { code: 'id', name: 'n' } } } }, ['sources']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('sources.crm: missing required key "table"');
  });

  it('refuses a literal password in the URL and reports a missing environment variable', async () => {
    const secret = 'S3cretPassw0rd';
    const literal = await withConfig({ sources: { db: { erp: 'generic-sql', url: `mysql://root:${secret}@127.0.0.1/crm`, table: 'T', columns: { code: 'a', name: 'b' } } } }, ['get', 'db', 'X']);
    expect(literal.exitCode).toBe(2);
    expect(literal.stderr).toContain('the URL contains a password');
    expect(literal.stderr + literal.stdout).not.toContain(secret);

    const missing = await withConfig({ sources: { db: { erp: 'yonyou-u8', url: 'mssql://sa@10.0.0.5/UFDATA', password: { env: 'U8_PASSWORD' } } } }, ['get', 'db', 'X']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('sources.db.password: environment variable U8_PASSWORD is not set');
  });

  it('exits 2 for an unknown source, listing the configured ones, also as JSON', async () => {
    const human = await withConfig({ sources: { clients: fileSource } }, ['get', 'clinets', 'C001']);
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain('Unknown source "clinets". Did you mean "clients"?');
    expect(human.stderr).toContain('Configured sources in');
    const json = await withConfig({ sources: { clients: fileSource } }, ['get', 'nope', 'C001', '--json']);
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'USAGE', category: 'usage', message: expect.stringContaining('Unknown source "nope"') } });
  });

  it('finds the config through --config and CUSTCODE_CONFIG, and says how to create one when missing', async () => {
    const project = tempProject();
    cleanup = project.cleanup;
    project.write('c.csv', '客户编号,客户名称\nC001,北京测试有限公司\n');
    project.write('other.json', JSON.stringify({ sources: { clients: fileSource } }));
    const none = await runInProcess(['sources'], { cwd: project.directory });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/No config file at .*custcode\.config\.json/);
    expect(none.stderr).toContain('custcode demo');
    const flag = await runInProcess(['--config', 'other.json', 'get', 'clients', 'C001'], { cwd: project.directory });
    expect(flag.exitCode).toBe(0);
    const env = await runInProcess(['get', 'clients', 'C001'], { cwd: project.directory, env: { CUSTCODE_CONFIG: 'other.json' } });
    expect(env.exitCode).toBe(0);
    expect(env.stdout).toContain('北京测试有限公司');
  });

  it('reports a source that cannot open as a typed error, without a stack trace', async () => {
    const result = await withConfig({ sources: { sap: { erp: 'sap', emulator: './missing.json' } } }, ['sources', '--check']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/sap\s+sap\s+emulator \.\/missing\.json\s+CONFIG_INVALID: Cannot read SAP emulator data/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks nested keys and secrets of SAP RFC parameters', async () => {
    const rfc = { ashost: '10.0.0.9', sysnr: '00', client: '800', user: 'RFC', passwd: { env: 'SAP_PASSWORD' } };
    const typo = await withConfig({ sources: { sap: { erp: 'sap', rfc: { ...rfc, ashots: 'x' } } } }, ['sources']);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('sources.sap.rfc: unknown key "ashots". Did you mean "ashost"?');
    const both = await withConfig({ sources: { sap: { erp: 'sap', rfc, emulator: './x.json' } } }, ['sources']);
    expect(both.stderr).toContain('exactly one of "emulator"');
    const missing = await withConfig({ sources: { sap: { erp: 'sap', rfc } } }, ['get', 'sap', '1']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('sources.sap.rfc.passwd: environment variable SAP_PASSWORD is not set');
  });

  it('rejects unknown views and views for another source', async () => {
    const config = { sources: { clients: fileSource }, views: { act: { source: 'clients', status: 'active' } } };
    const unknown = await withConfig(config, ['search', 'clients', '--view', 'acts']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Unknown view "acts". Did you mean "act"?');
    const badView = await withConfig({ sources: { clients: fileSource }, views: { x: { source: 'nope' } } }, ['sources']);
    expect(badView.exitCode).toBe(2);
    expect(badView.stderr).toContain('views.x.source: no source named "nope"');
  });
});
