/**
 * Resumable streams under connection kills (MariaDB): a 200k-row U8 export survives 20 `KILL CONNECTION`s
 * of the source's pooled connections and writes every row exactly once; a source whose backend cannot come
 * back (its user is dropped while exporting) fails with a typed error and leaves no file behind.
 */
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse';
import type { Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCustomerStream } from '@custcode/sample';
import { writeCsv } from '@custcode/export';
import { type Customer } from '@custcode/core';
import { createYonyouSource, seedU8Database } from '@custcode/adapter-yonyou';
import { runCli } from '@custcode/cli';
import { testBackends, type TestDatabase } from '../../test-support/backends.js';
import { connectionId, databaseOf, killConnections, killWhenBusy, openMariadbAdmin, type KillRecord } from './support/mariadb-admin.js';

const ROWS = 200_000;
const KILLS = 20;
const mariadb = testBackends().find((backend) => backend.name === 'mariadb')!;
if (mariadb.unavailable) console.warn(`test/faults/resumable-export: ${mariadb.unavailable}`);

/** 20 distinct row numbers in 1..ROWS from a fixed LCG, printed so a failure can be replayed. */
function killPoints(seed: number): number[] {
  let state = seed >>> 0;
  const points = new Set<number>();
  while (points.size < KILLS) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    points.add(1 + (state % (ROWS - 1)));
  }
  return [...points].sort((a, b) => a - b);
}

async function readCsvCodes(file: string): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = [];
  for await (const record of createReadStream(file).pipe(parse({ bom: true, columns: true }))) {
    rows.push([(record as Record<string, string>).code!, (record as Record<string, string>).name!]);
  }
  return rows;
}

describe.skipIf(mariadb.unavailable)('resumable export under connection kills (MariaDB)', () => {
  let database: TestDatabase;
  let admin: Connection;
  let expected: Customer[];
  let spare: number[];
  const directory = mkdtempSync(join(tmpdir(), 'custcode-faults-'));

  beforeAll(async () => {
    database = await mariadb.createDatabase();
    // U8 deletes physically (the seeder skips 'deleted'): keep those as blocked so the table has ROWS rows.
    const customers = Array.from(sampleCustomerStream(ROWS, 11), (customer) => (customer.status === 'deleted' ? { ...customer, status: 'blocked' as const } : customer));
    expected = await seedU8Database(database, customers, { source: 'u8' });
    expected.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    admin = await openMariadbAdmin();
    spare = [await connectionId(database.all), await connectionId(async (sql) => (await admin.query(sql))[0] as Array<Record<string, unknown>>)];
  });

  afterAll(async () => {
    await admin?.end();
    await database?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('resumes from its cursor after 20 kills and writes every row exactly once', async () => {
    const points = killPoints(Date.now());
    const source = createYonyouSource({ name: 'u8', product: 'u8', connection: database.url });
    expect(source.describe().resumable).toBe(true);
    const kills: Array<Promise<KillRecord[]>> = [];
    // Even kill points kill the source's connections at once (awaited): the one streaming the scan and any idle
    // pooled one; odd ones poll the process list while the export goes on and kill a connection inside a statement.
    let finished = false;
    async function* killing(rows: AsyncIterable<Customer>): AsyncGenerator<Customer> {
      let index = 0;
      let next = 0;
      try {
        for await (const row of rows) {
          index += 1;
          if (index === points[next]) {
            if (next % 2 === 0) kills.push(Promise.resolve(await killConnections(admin, databaseOf(database.url), spare)));
            else kills.push(killWhenBusy(admin, databaseOf(database.url), spare, () => finished));
            next += 1;
          }
          yield row;
        }
      } finally {
        finished = true;
      }
    }
    const file = join(directory, 'resumed.csv');
    const written = await writeCsv(killing(source.search()), createWriteStream(file), { fields: ['code', 'name'] });
    const killed = (await Promise.all(kills)).flat();
    await source.close();
    const busy = killed.filter((kill) => kill.command !== 'Sleep').length;
    console.info(`resumable export: kill points ${points.join(',')}; ${killed.length} connections killed (${busy} mid-statement)`);

    // The even half always finds the streaming connection; each odd kill waits for a statement to hit.
    expect(killed.length).toBeGreaterThanOrEqual(KILLS / 2 + 1);
    expect(busy).toBeGreaterThanOrEqual(1);
    expect(written).toBe(ROWS);
    const rows = await readCsvCodes(file);
    expect(rows.length).toBe(ROWS);
    expect(new Set(rows.map(([code]) => code)).size).toBe(ROWS);
    const tableCodes = (await database.all('SELECT cCusCode AS code FROM Customer ORDER BY cCusCode')).map((row) => String(row.code));
    expect(rows.map(([code]) => code)).toEqual(tableCodes);
    expect(rows).toEqual(expected.map((customer) => [customer.code, customer.name]));
  });

  it('fails with a typed error and leaves no partial file when the backend cannot come back', async () => {
    const user = `cc_gone_${Date.now().toString(36)}`;
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    await admin.query(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, password]);
    await admin.query(`GRANT SELECT ON \`${databaseOf(database.url)}\`.* TO ?@'%'`, [user]);
    const url = new URL(database.url);
    url.username = user;
    writeFileSync(
      join(directory, 'custcode.config.json'),
      JSON.stringify({ sources: { u8: { erp: 'yonyou-u8', url: url.toString(), password: { env: 'CC_FAULT_PASSWORD' } } } }),
    );
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const messages: string[] = [];
    stdout.on('data', (chunk: Buffer) => messages.push(chunk.toString()));
    stderr.on('data', (chunk: Buffer) => messages.push(chunk.toString()));
    const io = { stdout, stderr, stdin: new PassThrough(), stderrIsTTY: false, env: { CC_FAULT_PASSWORD: password }, cwd: directory };

    // As soon as the export's temporary file exists, the user is dropped and its connections killed:
    // the retry reconnects and is refused (authentication), which is not retried.
    let sabotaged = false;
    let exited = false;
    const saboteur = (async () => {
      while (!readdirSync(directory).some((name) => name.endsWith('.tmp'))) {
        if (exited) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await admin.query(`DROP USER ?@'%'`, [user]);
      await killConnections(admin, databaseOf(database.url), spare);
      sabotaged = true;
    })();
    const exitCode = await runCli(['export', 'u8', '--out', 'broken.csv', '--json'], io).finally(() => {
      exited = true;
    });
    await saboteur;
    await admin.query(`DROP USER IF EXISTS ?@'%'`, [user]);

    expect(sabotaged).toBe(true);
    expect(exitCode).toBe(3);
    expect(readdirSync(directory).filter((name) => name.includes('broken'))).toEqual([]);
    const output = messages.join('');
    const report = JSON.parse(output.trim().split('\n').pop()!) as { error: { code: string; category: string } };
    console.info(`export after the user was dropped: ${output.trim()}`);
    expect(report.error.category).toMatch(/^(connection|backend|access)$/);
    expect(output).not.toContain(password);
  });
});
