import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@custcode/core';
import { createSeedTable, openSeedTarget, seedTargetOver } from '@custcode/sql/testing';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';

// More rows than one multi-row INSERT takes on any engine (MariaDB 2,000; PostgreSQL 65,535 parameters / 5 columns).
const ROWS = 14_000;

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable !== undefined)(`the seed target on ${backend.name}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await backend.createDatabase();
    });
    afterAll(() => database?.drop());

    it('loads more rows than one statement holds, keeping NULLs, booleans and quoted column names', async () => {
      await createSeedTable(database, 'seeded', [
        { name: 'Code', type: 'text', length: 10, notNull: true },
        { name: 'n', type: 'int' },
        { name: 'say "hi"', type: 'text', length: 10 },
        { name: 'flag', type: 'bit' },
        { name: 'note', type: 'text', length: 10 },
      ], { primaryKey: ['Code'] });
      const rows = Array.from({ length: ROWS }, (_, index) => ({ Code: `C${String(index).padStart(6, '0')}`, n: index, 'say "hi"': `q${index % 7}`, flag: index % 2 === 0, note: index % 3 === 0 ? null : undefined }));
      await database.insert('seeded', rows);
      const q = database.quote;
      const [count] = await database.all(`SELECT COUNT(*) AS c, SUM(${q('flag')}) AS f, COUNT(${q('note')}) AS notes FROM ${q('seeded')}`);
      expect(Number(count!.c)).toBe(ROWS);
      expect(Number(count!.f)).toBe(ROWS / 2);
      expect(Number(count!.notes)).toBe(0);
      const last = await database.all(`SELECT ${q('Code')} AS code, ${q('n')} AS n, ${q('say "hi"')} AS said FROM ${q('seeded')} WHERE ${q('Code')} = 'C013999'`);
      expect(last.map((row) => ({ ...row, n: Number(row.n) }))).toEqual([{ code: 'C013999', n: 13_999, said: 'q6' }]);
    });
  });
}

describe('the SQLite seed target', () => {
  const directory = mkdtempSync(join(tmpdir(), 'custcode-seed-'));
  const file = join(directory, 'seeded.sqlite');
  afterEach(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes dates as the text its datetime columns hold, runs several statements at once, and leaves one file', async () => {
    const target = await openSeedTarget(`sqlite:${file}`);
    await target.run('CREATE TABLE a (at TEXT, ok INTEGER); CREATE TABLE b (x TEXT)');
    await target.insert('a', [{ at: new Date('2024-03-01T08:30:15.250Z'), ok: true }]);
    await target.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const database = new Database(file, { readonly: true });
    try {
      expect(database.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(database.prepare('SELECT at, ok FROM a').all()).toEqual([{ at: '2024-03-01T08:30:15', ok: 1 }]);
      expect(database.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").all()).toEqual([{ name: 'b' }]);
    } finally {
      database.close();
    }
  });

  it('over a connection the caller opened, closing leaves that connection open', async () => {
    const database = new Database(file);
    try {
      const target = seedTargetOver('sqlite', database);
      await target.run('CREATE TABLE a (x TEXT)');
      await target.insert('a', [{ x: 'one' }, { x: 'two' }]);
      await target.close();
      expect(database.prepare('SELECT x FROM a ORDER BY x').all()).toEqual([{ x: 'one' }, { x: 'two' }]);
    } finally {
      database.close();
    }
  });
});

describe('a dialect custcode does not seed', () => {
  it('is refused with a ConfigError that names the seeded engines and hides the password', async () => {
    const refused = openSeedTarget('mssql://sa:Secret1@db.example/UFDATA_001_2024');
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    const error = (await refused.catch((caught: unknown) => caught)) as ConfigError;
    expect(error.message).toMatch(/^custcode does not seed mssql:\/\/sa:\*+@db\.example\/UFDATA_001_2024\.$/);
    expect(error.hint).toMatch(/SQLite/);
  });
});
