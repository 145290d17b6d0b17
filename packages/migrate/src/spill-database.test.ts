import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSpill } from './spill-database.js';

describe('openSpill', () => {
  it('opens a scratch database without a journal or syncing, and removes its folder on close', async () => {
    const spill = await openSpill(undefined);
    const file = (spill.db as unknown as { name: string }).name;
    expect(spill.db.pragma('journal_mode')).toEqual([{ journal_mode: 'off' }]);
    expect(spill.db.pragma('synchronous')).toEqual([{ synchronous: 0 }]);
    spill.db.exec('CREATE TABLE t(a); BEGIN; INSERT INTO t VALUES (1); COMMIT; BEGIN; INSERT INTO t VALUES (2);');
    // No rollback journal next to the database, even inside a transaction.
    expect(readdirSync(dirname(file))).toEqual(['spill.sqlite']);
    spill.db.exec('COMMIT');
    spill.close();
    expect(existsSync(dirname(file))).toBe(false);
  });
});
