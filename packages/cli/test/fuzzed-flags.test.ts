/**
 * Fuzzed command lines: every filter flag, --limit, search text, --ask, --since, --date and --count with
 * fast-check values (hostile text, 50,000 characters, real and impossible dates, odd numbers) against a CSV
 * file and a U8 database. "An INTERNAL error is always a bug": every run ends with exit 0, 1 or 2 — never 3
 * (a backend failure caused by input) — and never prints an INTERNAL error or a stack trace.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalCustomers } from '@custcode/core/testing';
import { seedU8Database } from '@custcode/adapter-yonyou';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { CLIENTS_COLUMNS, CLIENTS_CSV } from './fixtures.js';
import { runInProcess, tempProject } from './test-io.js';

const RUNS = { sqlite: 600, mariadb: 150, postgres: 150 } as const;

const FILTER_FLAGS = ['--code-prefix', '--name', '--phone', '--category', '--region', '--status', '--org', '--created-from', '--created-to', '--updated-since', '--limit'] as const;

const HOSTILE = ["'", '%', '_', '\\', '[a-z]', '\u0000', 'A\u0000B', '😀', '𠮷', 'ＫＨ２０２４', '北京', ' OR 1=1 --', "'; DROP TABLE Customer; --", '\t', '\n', ' ', '\uD800', 'x'.repeat(50_000), '北'.repeat(501), '-', '--json', 'C00', 'KH2015'];
const DATES = ['2024-13-01', '0000-00-00', '2024-02-30', '2024-01-01T25:00', '2024-01-01 23:60', '1752-12-31', '9999-12-31', '1753-01-01', '2024-02-29', '2015-06-01T08:30', '2024-06-01', '2024', '05/01/2024', 'yesterday', ''];
const NUMBERS = ['1e3', '0x10', '1.5', '-1', '0', '1', '3', '007', ' 2', '', '99999999999999999999', 'Infinity', 'NaN', '１０'];

const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...DATES), fc.constantFrom(...NUMBERS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const date = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: value });
const number = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NUMBERS) }, { weight: 1, arbitrary: value });
/** A flag with a value: mostly values of its own kind (dates for date flags), any fuzzed value otherwise. */
const flag = fc.constantFrom(...FILTER_FLAGS).chain((name) => (/created|updated/.test(name) ? date : name === '--limit' ? number : value).map((text) => [name, text]));

/** A command line for SOURCE: a command, then some flags, each with a fuzzed value. */
function commandLine(source: string): fc.Arbitrary<string[]> {
  const flags = fc.array(flag, { maxLength: 4 }).map((pairs) => pairs.flat());
  const json = fc.boolean().map((on) => (on ? ['--json'] : []));
  return fc.oneof(
    fc.tuple(fc.option(value, { nil: undefined }), flags, json).map(([text, rest, output]) => ['search', source, ...(text === undefined ? [] : [text]), ...rest, ...output]),
    fc.tuple(value, flags, json).map(([question, rest, output]) => ['search', source, '--ask', question, ...rest, ...output]),
    fc.tuple(fc.constantFrom('2024-06-01以后新增', 'in Shanghai since 2024-13-01', '2024年13月', '0000年以后', 'before 2024-02-30', '前0个', 'top 99999999999999999999'), json).map(([question, output]) => ['search', source, '--ask', question, ...output]),
    fc.tuple(flags, json).map(([rest, output]) => ['export', source, '--out', 'fuzz.ndjson', ...rest, ...output]),
    fc.tuple(date, flags, json).map(([since, rest, output]) => ['changes', source, '--since', since, ...rest, ...output]),
    fc.tuple(date, json).map(([since, output]) => ['access-log', '--since', since, ...output]),
    fc.tuple(number, date).map(([count, day]) => ['rule', 'generate', 'kh', '--preview', '--count', count, '--date', day]),
    fc.tuple(fc.array(value, { minLength: 1, maxLength: 3 }), fc.option(value, { nil: undefined }), json).map(([codes, org, output]) => ['get', source, ...codes, ...(org === undefined ? [] : ['--org', org]), ...output]),
  );
}

/** An INTERNAL error (not one of custcode's typed errors) or a stack trace, if the run shows one. */
function internalError(stdout: string, stderr: string): string | undefined {
  if (/"code":"INTERNAL"/.test(stdout) || /\n\s+at .+:\d+:\d+/.test(stderr)) return stdout + stderr;
  return undefined;
}

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`cli fuzzed flags: ${backend.unavailable}`);
  describe.skipIf(backend.unavailable)(`fuzzed command lines on a CSV file and U8 on ${backend.name}`, () => {
    let database: TestDatabase;
    let project: ReturnType<typeof tempProject>;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await seedU8Database(database, canonicalCustomers(), { source: 'u8' });
      project = tempProject({
        sources: { u8: { erp: 'yonyou-u8', url: database.url }, clients: { erp: 'file', path: './clients.csv', columns: CLIENTS_COLUMNS } },
        rules: { kh: 'KH{YYYY}{MM}{seq:4}' },
        accessLog: { path: 'access.jsonl' },
      });
      project.write('clients.csv', `${CLIENTS_CSV}\n,没有编号的客户,,,华北,正常,\n`);
    });
    afterAll(async () => {
      project?.cleanup();
      await database?.drop();
    });

    it(`never exits 3 nor shows an INTERNAL error (${RUNS[backend.name]} runs)`, async () => {
      const sources = backend.name === 'sqlite' ? ['u8', 'clients'] : ['u8'];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...sources).chain(commandLine), async (args) => {
          const result = await runInProcess(args, { cwd: project.directory });
          const label = `custcode ${JSON.stringify(args.map((arg) => (arg.length > 40 ? `${arg.slice(0, 40)}…(${arg.length})` : arg)))}`;
          expect(internalError(result.stdout, result.stderr), label).toBeUndefined();
          expect([0, 1, 2], `${label}: exit ${result.exitCode}\n${result.stderr}${result.stdout.slice(0, 500)}`).toContain(result.exitCode);
          if (result.exitCode === 2) expect(result.stderr + result.stdout, label).toMatch(/error/);
        }),
        { numRuns: RUNS[backend.name], seed: 20_261_131 },
      );
    });
  });
}
