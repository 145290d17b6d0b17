/**
 * Read-only, proven on MariaDB: a user holding only SELECT on the database runs every read operation
 * (get, getMany, search, count, CSV export, audit, and a migration whose new codes are checked against a
 * target read by the same user); the server's general query log then shows nothing from that user but
 * SELECT/SHOW statements and session-only SETs.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '@custcode/audit';
import { createMemorySequenceStore } from '@custcode/rules';
import { generateSampleCustomers } from '@custcode/sample';
import { migrate } from '@custcode/migrate';
import { writeCsv } from '@custcode/export';
import { type Customer } from '@custcode/core';
import { createYonyouSource, seedU8Database } from '@custcode/adapter-yonyou';
import { testBackends, type TestDatabase } from '../../test-support/backends.js';
import { databaseOf, openMariadbAdmin } from './support/mariadb-admin.js';

const mariadb = testBackends().find((backend) => backend.name === 'mariadb')!;
if (mariadb.unavailable) console.warn(`test/faults/read-only-proof: ${mariadb.unavailable}`);

/** Statements a read-only client may send: reads, and SETs that only change its own session. */
const READ = /^\s*(\(\s*)*(SELECT|SHOW)\b/i;
const SESSION_SET = /^\s*SET\s+(SESSION\s+TRANSACTION\s+READ\s+ONLY|NAMES\b|CHARACTER\s+SET\b|(SESSION\s+|@@SESSION\.)?[a-z_]+\s*=)/i;
/** general_log command types that carry no statement (protocol housekeeping). */
const HOUSEKEEPING = new Set(['Connect', 'Quit', 'Close stmt', 'Reset stmt', 'Ping', 'Init DB', 'Change user']);

describe.skipIf(mariadb.unavailable)('read-only proof: a SELECT-only MariaDB user and the general query log', () => {
  let database: TestDatabase;
  let admin: Connection;
  let expected: Customer[];
  let saved: { general_log: string; log_output: string };
  const user = `cc_ro_${Date.now().toString(36)}`;
  const password = `ro-${Math.random().toString(36).slice(2)}`;
  const directory = mkdtempSync(join(tmpdir(), 'custcode-readonly-'));

  beforeAll(async () => {
    database = await mariadb.createDatabase();
    expected = await seedU8Database(database, generateSampleCustomers({ count: 300, seed: 5 }).customers, { source: 'u8' });
    admin = await openMariadbAdmin();
    await admin.query(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, password]);
    await admin.query(`GRANT SELECT ON \`${databaseOf(database.url)}\`.* TO ?@'%'`, [user]);
    const [rows] = await admin.query('SELECT @@GLOBAL.general_log AS general_log, @@GLOBAL.log_output AS log_output');
    saved = (rows as Array<{ general_log: number; log_output: string }>).map((row) => ({ general_log: String(row.general_log), log_output: row.log_output }))[0]!;
  });

  afterAll(async () => {
    if (saved) {
      await admin.query('SET GLOBAL general_log = ?', [saved.general_log === '1' ? 'ON' : 'OFF']);
      await admin.query('SET GLOBAL log_output = ?', [saved.log_output]);
    }
    await admin?.query(`DROP USER IF EXISTS ?@'%'`, [user]);
    await admin?.end();
    await database?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('runs every read operation, and the server logged only reads from that user (but the control write)', async () => {
    const url = new URL(database.url);
    url.username = user;
    const started = (await admin.query('SELECT NOW(6) AS now'))[0] as Array<{ now: string }>;
    await admin.query("SET GLOBAL log_output = 'TABLE'");
    await admin.query('SET GLOBAL general_log = ON');
    const source = createYonyouSource({ name: 'u8', product: 'u8', connection: url.toString(), password });
    const sample = expected[17]!;
    try {
      expect((await source.get(sample.code))?.name).toBe(sample.name);
      const many = [];
      for await (const result of source.getMany([expected[3]!.code, 'NO-SUCH-CODE', expected[200]!.code])) many.push(result.customer?.code);
      expect(many).toEqual([expected[3]!.code, undefined, expected[200]!.code]);
      const found = [];
      for await (const customer of source.search({ text: sample.name.slice(0, 2), status: ['active', 'blocked'] })) found.push(customer.code);
      expect(found).toContain(sample.code);
      expect(await source.count({})).toBe(expected.length);
      const written = await writeCsv(source.search(), createWriteStream(join(directory, 'export.csv')));
      expect(written).toBe(expected.length);
      const report = await audit(source.search(), { source: 'u8' });
      expect(report.total).toBe(expected.length);
      // A migration into a "target" that is the same table through the same user: numbers are drawn and
      // every drawn code is checked against the target by getMany.
      const target = createYonyouSource({ name: 'target', product: 'u8', connection: url.toString(), password });
      try {
        const migration = await migrate(source, { rule: 'CUST{seq:6}', store: createMemorySequenceStore(), target, nearDuplicates: false });
        expect(migration.rows.map((row) => row.decision)).toEqual(Array(expected.length).fill('generated'));
        expect(migration.rows.every((row) => /^CUST\d{6}$/.test(row.newCode))).toBe(true);
      } finally {
        await target.close();
      }
      // Control: a write attempt by the same user (refused: SELECT only) must show up in the log check below.
      const mysql = await import('mysql2/promise');
      const raw = await mysql.createConnection({ uri: url.toString(), password });
      await expect(raw.query('DELETE FROM Customer WHERE 1 = 0')).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await raw.end();
    } finally {
      await source.close();
      await admin.query('SET GLOBAL general_log = OFF');
    }

    const [logged] = await admin.query(
      'SELECT command_type, CONVERT(argument USING utf8mb4) AS argument FROM mysql.general_log WHERE event_time >= ? AND user_host LIKE ?',
      [started[0]!.now, `${user}[${user}] @ %`],
    );
    const entries = logged as Array<{ command_type: string; argument: string }>;
    const statements = entries.filter((entry) => !HOUSEKEEPING.has(entry.command_type));
    const offending = statements.filter((entry) => !READ.test(entry.argument) && !SESSION_SET.test(entry.argument));
    console.info(`read-only proof: ${entries.length} log entries from ${user}, ${statements.length} statements, kinds: ${[...new Set(entries.map((entry) => entry.command_type))].join(', ')}`);
    expect(statements.filter((entry) => /^\s*SELECT\b/i.test(entry.argument)).length).toBeGreaterThan(5);
    expect(offending.map((entry) => entry.argument)).toEqual(['DELETE FROM Customer WHERE 1 = 0']);
  });
});
