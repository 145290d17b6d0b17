import { parseConnectionUrl } from '@custcode/sql';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { leakedPieces, secretUrlArbitrary } from '../../../test-support/secret-urls.js';
import { runInProcess, tempProject } from './test-io.js';

const project = tempProject();
afterAll(() => project.cleanup());

/** Every command a config with this source can run without connecting, human and --json. */
const COMMANDS = [['sources'], ['sources', '--json'], ['sources', '--check'], ['sources', '--check', '--json'], ['get', 'crm', 'C1'], ['get', 'crm', 'C1', '--json'], ['export', 'crm', '--out', 'crm.csv']];

describe('secrets in source URLs', () => {
  it('the reported case: an unsupported URL with a / in its password is refused without echoing it', async () => {
    project.write('custcode.config.json', JSON.stringify({ sources: { crm: { erp: 'generic-sql', url: 'mariadbx://cc_ro:se/cret99@127.0.0.1/crm', table: 'Customer', columns: { code: 'id', name: 'name' } } } }));
    for (const args of [['get', 'crm', 'C1'], ['get', 'crm', 'C1', '--json']]) {
      const run = await runInProcess(args, { cwd: project.directory });
      expect(run.exitCode).toBe(2);
      expect(run.stdout + run.stderr).toMatch(/sources\.crm\.url: the URL contains a password/);
      expect(run.stdout + run.stderr).not.toMatch(/cret99/);
    }
  });

  it('refuses ?password=, ;pwd=, token= … like a password in the userinfo, with a hint to use { "env": … }', async () => {
    for (const url of ['mysql://cc_ro@127.0.0.1/crm?password=pw1234', 'mssql://sa@10.0.0.5/UFDATA;PWD=pw1234', 'postgres://u@h/db?sslmode=require&Access_Token=pw1234']) {
      project.write('custcode.config.json', JSON.stringify({ sources: { crm: { erp: 'yonyou-u8', url } } }));
      const run = await runInProcess(['get', 'crm', 'C1'], { cwd: project.directory });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain('the URL contains a password or another secret');
      expect(run.stderr).toContain('hint: Remove it from the URL and write "password": { "env": "VARIABLE" } instead.');
      expect(run.stderr).not.toContain('pw1234');
    }
  });

  it('no piece of a generated secret appears in any output of any command, nor in the errors of the SQL layer', async () => {
    await fc.assert(
      fc.asyncProperty(secretUrlArbitrary, fc.constantFrom('generic-sql', 'yonyou-u8', 'webApi'), async (secretUrl, kind) => {
        const source =
          kind === 'webApi'
            ? { erp: 'kingdee-k3cloud', webApi: { url: secretUrl.url, acctId: 'a1', username: 'u' } }
            : { erp: kind, url: secretUrl.url, ...(kind === 'generic-sql' ? { table: 'Customer', columns: { code: 'id', name: 'name' } } : {}) };
        project.write('custcode.config.json', JSON.stringify({ sources: { crm: source } }));
        for (const args of COMMANDS) {
          const run = await runInProcess(args, { cwd: project.directory });
          expect(leakedPieces(run.stdout + run.stderr, secretUrl), args.join(' ')).toEqual([]);
        }
        let thrown: unknown;
        try {
          parseConnectionUrl(secretUrl.url);
        } catch (error) {
          thrown = error;
        }
        if (thrown) expect(leakedPieces(String((thrown as Error).message), secretUrl)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
