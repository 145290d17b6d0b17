import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { isCustcodeError } from '@custcode/core';
import { createMemorySource } from '@custcode/core';
import { capLoggedQuery, createFileAccessLog, createMemoryAccessLog, MAX_LOGGED_TEXT } from './access-log.js';
import { guardSource } from './guard-source.js';

const customers: Customer[] = ['C001', 'C002', 'C003'].map((code) => ({ source: 'k3', erp: 'kingdee-k3cloud', code, name: `客户${code}`, status: 'active', raw: {} }));
const source = () => createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers, pageSize: 1 });
const open = { policy: undefined, user: 'anna', command: 'get' as const };

describe('what the guard logs', () => {
  it('logs a lookup the reader stopped early as aborted, with the answers handed over', async () => {
    const accessLog = createMemoryAccessLog();
    const guarded = guardSource(source(), { ...open, accessLog });
    for await (const result of guarded.getMany(['C001', 'C002', 'C003'])) if (result.code === 'C001') break;
    expect(accessLog.entries).toMatchObject([{ operation: 'getMany', records: 1, outcome: 'aborted' }]);
    for await (const _result of guarded.getMany(['C002'])) continue;
    expect(accessLog.entries[1]).toMatchObject({ operation: 'getMany', records: 1, outcome: 'ok' });
  });

  it('cuts long text in the logged query to its head and its length', async () => {
    const accessLog = createMemoryAccessLog();
    const guarded = guardSource(source(), { ...open, accessLog });
    const huge = `C${'9'.repeat(3 * 1024 * 1024)}`;
    expect(await guarded.get(huge).catch((error: unknown) => isCustcodeError(error, 'CODE_MALFORMED'))).toBe(true);
    expect(accessLog.entries[0]).toMatchObject({ operation: 'get', outcome: 'error', error: 'CODE_MALFORMED' });
    const logged = (accessLog.entries[0]?.query.codes as string[])[0]!;
    expect(logged).toBe(`${huge.slice(0, MAX_LOGGED_TEXT)}…[${huge.length} characters]`);
    expect(JSON.stringify(accessLog.entries).length).toBeLessThan(1000);
    // Not half of a surrogate pair at the cut.
    expect(capLoggedQuery({ text: `${'a'.repeat(MAX_LOGGED_TEXT - 1)}𠀀${'b'.repeat(10)}` }).text).toBe(`${'a'.repeat(MAX_LOGGED_TEXT - 1)}…[${MAX_LOGGED_TEXT + 11} characters]`);
  });

  it('fails with a typed error, naming no path, when the log file cannot be written', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'custcode-log-'));
    try {
      const path = join(directory, 'access.jsonl');
      const guarded = guardSource(source(), { ...open, accessLog: createFileAccessLog(path) });
      rmSync(path);
      mkdirSync(path);
      const error = await guarded.get('C001').catch((caught: unknown) => caught);
      expect(isCustcodeError(error, 'ACCESS_LOG_UNWRITABLE')).toBe(true);
      expect(error).toMatchObject({ category: 'config', message: 'The access log cannot be written (EISDIR).' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
