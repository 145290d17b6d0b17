/**
 * The CLI accepts exactly the connection URLs @custcode/sql documents (issue 17): its config validation and
 * source opening use `parseConnectionUrl`, so `postgresql://`, `mariadb://` and `sqlserver://` work as
 * `postgres://`, `mysql://` and `mssql://` do, and the refusal of secrets holds for every scheme.
 */
import type { Customer } from '@custcode/core';
import { createSeedTable } from '@custcode/sql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testBackends } from '../../../test-support/backends.js';
import { runInProcess, tempProject } from './test-io.js';

/** Every scheme the SQL package's README lists, and the dialect it must open (written here, not derived). */
const DOCUMENTED: Array<[url: string, dialect: string]> = [
  ['postgres://reader@10.0.0.7:5432/crm', 'postgres'],
  ['postgresql://reader@10.0.0.7:5432/crm', 'postgres'],
  ['PostgreSQL://reader@10.0.0.7/crm', 'postgres'],
  ['mysql://reader@10.0.0.7:3306/crm', 'mysql'],
  ['mariadb://reader@10.0.0.7:3306/crm', 'mysql'],
  ['mssql://sa@10.0.0.5:1433/UFDATA_001_2024', 'mssql'],
  ['sqlserver://sa@10.0.0.5/UFDATA_001_2024?encrypt=false', 'mssql'],
  ['oracle://apps@ebs:1521/EBSDB', 'oracle'],
  ['sqlite:./crm.sqlite', 'sqlite'],
];
const scheme = (url: string) => url.slice(0, url.indexOf(':'));
const genericSql = (url: string) => ({ erp: 'generic-sql', url, table: 'Customer', columns: { code: 'CustomerID', name: 'CustomerName' } });

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function project(config: unknown) {
  const created = tempProject(config);
  cleanup = created.cleanup;
  return created;
}

describe('source URLs in the config', () => {
  it.each(DOCUMENTED)('%s is accepted and reported as dialect %s', async (url, dialect) => {
    const run = await runInProcess(['sources', '--json'], { cwd: project({ sources: { crm: genericSql(url), u8: { erp: 'yonyou-u8', url } } }).directory });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as Array<{ name: string; dialect?: string }>).map((report) => [report.name, report.dialect])).toEqual([['crm', dialect], ['u8', dialect]]);
  });

  it('refuses a scheme no dialect opens, naming the key and every documented scheme, without echoing the URL', async () => {
    for (const url of ['mariadbx://reader@10.0.0.7/crm', 'jdbc:mysql://reader@10.0.0.7/crm', 'db2://reader@10.0.0.7/crm']) {
      const run = await runInProcess(['sources'], { cwd: project({ sources: { crm: genericSql(url) } }).directory });
      expect(run.exitCode, url).toBe(2);
      expect(run.stderr).toContain('sources.crm.url: unsupported connection URL');
      for (const documented of ['postgresql://', 'mariadb://', 'sqlserver://', 'oracle://', 'sqlite:PATH']) expect(run.stderr).toContain(documented);
    }
  });

  it('refuses a URL without a host or a file path at config time', async () => {
    const noHost = await runInProcess(['sources'], { cwd: project({ sources: { crm: genericSql('postgresql://') } }).directory });
    expect(noHost.exitCode).toBe(2);
    expect(noHost.stderr).toMatch(/sources\.crm\.url: (?:the URL .* has no host|malformed connection URL)/);
    const noFile = await runInProcess(['sources'], { cwd: project({ sources: { crm: genericSql('sqlite:') } }).directory });
    expect(noFile.exitCode).toBe(2);
    expect(noFile.stderr).toContain('sources.crm.url: the sqlite: URL has no file path');
  });

  it.each(DOCUMENTED.filter(([url]) => url.includes('@')))('a password in a %s URL, or in its parameters, is refused for every command without echoing it', async (url) => {
    const withPassword = url.replace('@', ':QpwA9x7@');
    const withParameter = `${url}${url.includes('?') ? '&' : '?'}password=QpwB8y6`;
    for (const secretUrl of [withPassword, withParameter]) {
      const directory = project({ sources: { crm: genericSql(secretUrl) } }).directory;
      for (const args of [['sources'], ['sources', '--check', '--json'], ['get', 'crm', 'C1']]) {
        const run = await runInProcess(args, { cwd: directory });
        expect(run.exitCode, `${scheme(url)} ${args.join(' ')}`).toBe(2);
        expect(run.stdout + run.stderr).toContain('sources.crm.url: the URL contains a password or another secret');
        expect(run.stdout + run.stderr).not.toMatch(/QpwA9x7|QpwB8y6/);
      }
    }
  });

  it('a relative sqlite: path is read relative to the config file, whatever the working directory', async () => {
    const created = project({ sources: { crm: genericSql('sqlite:./crm.sqlite') } });
    const run = await runInProcess(['--config', `${created.directory}/custcode.config.json`, 'sources', '--check', '--json'], { cwd: '/' });
    // The file does not exist: the error names the absolute path beside the config, not one under the working directory.
    expect(run.stdout).toContain(`${created.directory}/crm.sqlite`);
  });
});

describe('--store URLs', () => {
  it('refuses an engine that keeps no counters, and an unknown scheme, naming the URLs a store opens', async () => {
    const directory = project({ sources: {} }).directory;
    const mssql = await runInProcess(['rule', 'generate', 'K{seq:3}', '--count', '1', '--store', 'sqlserver://sa@127.0.0.1:1/db'], { cwd: directory });
    expect(mssql.exitCode).toBe(2);
    expect(mssql.stderr).toContain('A sequence store cannot use mssql');
    expect(mssql.stderr).toContain('mysql://, postgres:// or sqlite:PATH');
    const unknown = await runInProcess(['rule', 'generate', 'K{seq:3}', '--count', '1', '--store', 'x-db://u@h/d'], { cwd: directory });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Unsupported --store URL');
    expect(unknown.stderr).toContain('mysql://, postgres:// or sqlite:PATH');
  });
});

/** The test backend's URL under the documented alias (`mariadb://`, `postgresql://`). */
const ALIAS: Record<string, string> = { mariadb: 'mariadb', postgres: 'postgresql' };

for (const backend of testBackends().filter((candidate) => ALIAS[candidate.name] !== undefined)) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable)(`a ${ALIAS[backend.name]}:// source on ${backend.name}`, () => {
    let database: TestDatabase;
    let aliased: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await createSeedTable(database, 'Customer', [
        { name: 'CustomerID', type: 'text', length: 20, notNull: true },
        { name: 'CustomerName', type: 'text', length: 100 },
      ], { primaryKey: ['CustomerID'] });
      await database.insert('Customer', [{ CustomerID: 'C001', CustomerName: '北京鑫恒泰科技有限公司' }]);
      aliased = `${ALIAS[backend.name]}:${database.url.slice(database.url.indexOf(':') + 1)}`;
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('connects: sources --check is ok and get reads the row', async () => {
      const directory = project({ sources: { crm: genericSql(aliased) } }).directory;
      const check = await runInProcess(['sources', '--check', '--json'], { cwd: directory });
      expect(check.exitCode, check.stdout + check.stderr).toBe(0);
      expect(JSON.parse(check.stdout)).toMatchObject([{ name: 'crm', dialect: database.dialect, ok: true }]);
      const get = await runInProcess(['get', 'crm', 'C001', '--json'], { cwd: directory });
      expect(get.exitCode).toBe(0);
      expect((JSON.parse(get.stdout) as Customer[]).map((customer) => [customer.code, customer.name])).toEqual([['C001', '北京鑫恒泰科技有限公司']]);
    });

    it('keeps rule counters there through --store', async () => {
      const directory = project({ sources: {} }).directory;
      const first = await runInProcess(['rule', 'generate', 'K{seq:3}', '--count', '2', '--store', aliased, '--json'], { cwd: directory });
      expect(first.exitCode, first.stderr).toBe(0);
      const second = await runInProcess(['rule', 'generate', 'K{seq:3}', '--count', '1', '--store', aliased, '--json'], { cwd: directory });
      expect(second.exitCode, second.stderr).toBe(0);
      expect(`${first.stdout}${second.stdout}`.match(/K\d{3}/g)).toEqual(['K001', 'K002', 'K003']);
    });
  });
}
