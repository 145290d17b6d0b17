import { request } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { hashApiKey } from '@custcode/access';
import { ConfigError } from '@custcode/core';
import type { RunningServer } from '@custcode/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS_CSV, clientsConfig } from '../../../test/fixtures.js';
import { captureIo, tempProject } from '../../../test/test-io.js';
import type { CommandIo } from '../../command-io.js';
import { loadConfig } from '../../config/load-config.js';
import { loadDescriptor } from '../../sources/adapter-registry.js';
import { runServe, serverSources } from './serve-command.js';

const roles = {
  viewer: { sources: { clients: { commands: ['get', 'search'], mask: ['phone'] } } },
  admin: { sources: { '*': { commands: '*' } } },
};
const users = { crm: { role: 'viewer', apiKey: { sha256: hashApiKey('crm-key') } }, ops: { role: 'admin', apiKey: { env: 'OPS_KEY' } } };

let project: ReturnType<typeof tempProject>;
let server: RunningServer;
let finished: Promise<number>;
const stop = new AbortController();
const stderr = new PassThrough();

beforeAll(async () => {
  project = tempProject(clientsConfig({ roles, users }));
  project.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
  const io: CommandIo = { stdout: new PassThrough(), stderr, stdin: Readable.from(['']), stderrIsTTY: false, env: { OPS_KEY: 'ops-key' }, cwd: project.directory };
  server = await new Promise<RunningServer>((resolve) => {
    finished = runServe(io, { port: '0', host: '127.0.0.1', allowedHost: ['erp.intranet.example'], signal: stop.signal, onListening: resolve });
  });
});
afterAll(async () => {
  stop.abort();
  await finished;
  project.cleanup();
});

describe('custcode serve', () => {
  it('serves the configured sources with the config\'s keys and masking', async () => {
    const get = (path: string, key?: string) => fetch(`${server.url}${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
    expect((await get('/sources')).status).toBe(401);
    const viewer = (await (await get('/sources/clients/customers/C001', 'crm-key')).json()) as { phone: string };
    expect(viewer.phone).toBe('010*****5678');
    const admin = (await (await get('/sources/clients/customers/C001', 'ops-key')).json()) as { phone: string };
    expect(admin.phone).toBe('010-62345678');
    expect((await get('/sources/clients/export?format=csv', 'crm-key')).status).toBe(403);
    const views = (await (await get('/views', 'crm-key')).json()) as { views: Record<string, unknown> };
    expect(Object.keys(views.views)).toEqual(['south-active', 'changed']);
    expect((await get('/')).headers.get('content-type')).toContain('text/html');
  });

  it('lists each source with the product label of its adapter registry descriptor', async () => {
    const list = await (await fetch(`${server.url}/sources`, { headers: { authorization: 'Bearer crm-key' } })).json();
    expect(list).toEqual({ sources: [{ name: 'clients', erp: 'file', label: (await loadDescriptor('file')).label, commands: ['get', 'search'] }] });
  });

  it('takes each label from the registry descriptor of the source\'s product, without opening it', async () => {
    const other = tempProject({ sources: { u8: { erp: 'yonyou-u8', url: 'mssql://sa@127.0.0.1:1/UFDATA' }, clients: clientsConfig().sources.clients } });
    try {
      const loaded = await loadConfig(captureIo(other.directory).io);
      const sources = serverSources(loaded, {});
      expect(sources.u8).toMatchObject({ erp: 'yonyou-u8', label: (await loadDescriptor('yonyou-u8')).label });
      expect(sources.u8?.label).toBe('Yonyou U8 (Customer)');
      expect(sources.clients).toMatchObject({ erp: 'file', label: 'CSV / XLSX file' });
      // A product whose adapter package is not installed keeps its ERP value as the label.
      const unavailable = serverSources({ ...loaded, adapters: new Map([['file' as const, new ConfigError({ message: 'not installed' })]]) }, {});
      expect(unavailable.clients?.label).toBe('file');
    } finally {
      other.cleanup();
    }
  });

  it('answers only to IP addresses, localhost and the names given with --allowed-host', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request(`${server.url}/health`, { headers: { host } }, (response) => resolve(response.resume().statusCode ?? 0)).on('error', reject).end();
      });
    expect(await status('erp.intranet.example:8080')).toBe(200);
    expect(await status('localhost')).toBe(200);
    expect(await status('attacker.example')).toBe(403);
  });

  it('says which port is busy and how to pick another, exit 2', async () => {
    const port = String(server.port);
    const busy = captureIo(project.directory);
    expect(await runServe(busy.io, { port, host: '127.0.0.1' })).toBe(2);
    expect(busy.stderr()).toBe(`error: Port ${port} on 127.0.0.1 is already in use (EADDRINUSE).\nhint: Stop the program listening there, or pick another port: custcode serve --port ${server.port + 1} (--port 0 picks a free one).\n`);
  });

  it('takes --port only as digits from 0 to 65535', async () => {
    for (const port of ['1e3', '0x1F90', '80.5', '-1', '65536', '']) {
      const bad = captureIo(project.directory);
      expect(await runServe(bad.io, { port, host: '127.0.0.1', json: true }), port).toBe(2);
      expect(JSON.parse(bad.stdout()), port).toMatchObject({ error: { code: 'USAGE', message: `--port must be a whole number from 0 to 65535, not ${JSON.stringify(port)}.` } });
    }
  });

  it('stops on its signal and exits 0', async () => {
    stop.abort();
    expect(await finished).toBe(0);
  });
});

describe('custcode serve: request budgets from the config', () => {
  it('takes serve.matchBudget from the config (a match over more records is refused, the server keeps answering) and rejects a bad limit', async () => {
    const budgeted = tempProject({
      sources: { a: clientsConfig().sources.clients, b: { ...clientsConfig().sources.clients, path: './clients-b.csv' } },
      serve: { matchBudget: { maxRecords: 3 }, auditBudget: { concurrency: 1 } },
    });
    budgeted.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
    budgeted.write('clients-b.csv', `\uFEFF${CLIENTS_CSV}\n`);
    const stopBudgeted = new AbortController();
    const io: CommandIo = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from(['']), stderrIsTTY: false, env: {}, cwd: budgeted.directory };
    let running: Promise<number> = Promise.resolve(0);
    const budgetedServer = await new Promise<RunningServer>((resolve) => {
      running = runServe(io, { port: '0', host: '127.0.0.1', signal: stopBudgeted.signal, onListening: resolve });
    });
    try {
      const response = await fetch(`${budgetedServer.url}/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sources: ['a', 'b'] }) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BUDGET_EXCEEDED', message: "The match reads more than 3 records, the server's budget for one match." });
      expect((await fetch(`${budgetedServer.url}/health`)).status).toBe(200);
    } finally {
      stopBudgeted.abort();
      expect(await running).toBe(0);
    }

    budgeted.write('custcode.config.json', JSON.stringify({ sources: { a: clientsConfig().sources.clients }, serve: { matchBudget: { maxRecords: 0 } } }));
    const bad = captureIo(budgeted.directory);
    expect(await runServe(bad.io, { port: '0', host: '127.0.0.1', json: true })).toBe(2);
    expect(JSON.stringify(JSON.parse(bad.stdout()))).toContain('serve.matchBudget.maxRecords');
    budgeted.cleanup();
  });
});
