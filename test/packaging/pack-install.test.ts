/**
 * Installable as published: `npm pack` every package (from the build `npm test` makes first), install the
 * tarballs into an empty project outside this repository (no workspace, no source aliases), and use them
 * from there as a user would: an ESM and a CommonJS script against a demo SQLite database, a TypeScript
 * consumer compiled with `--strict --module nodenext`, and the `custcode` bin.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { consumerSources } from './support/consumer-sources.js';
import { ROOT, rootDevVersion, run, workspacePackages, type CommandResult } from './support/workspace-packages.js';

const packages = workspacePackages();
const cli = packages.find(({ manifest }) => manifest.name === '@custcode/cli')!;
const notBuilt = existsSync(join(ROOT, 'packages/cli/dist/bin.js')) ? undefined : 'pack-install skipped: packages/cli/dist is missing (run npm run build first)';
if (notBuilt) console.warn(notBuilt);

/** npm's error codes for a registry it could not reach: a reason to skip, not a failure. */
const UNREACHABLE = new Set(['ENOTCACHED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH']);

interface Packed {
  name: string;
  version: string;
  filename: string;
  files: Array<{ path: string }>;
}

let work = '';
let project = '';
let packed: Packed[] = [];
let unreachable: string | undefined;
let demo: { dir: string; sources: Array<{ source: string; erp: string; file?: string; sampleCode?: string }> };

function expectSuccess(result: CommandResult, label: string): string {
  expect({ label, exitCode: result.exitCode, stderr: result.stderr }).toEqual({ label, exitCode: 0, stderr: expect.any(String) });
  return result.stdout;
}

const npmErrorCode = (result: CommandResult) => /npm error code (\w+)/.exec(result.stderr)?.[1] ?? `exit ${result.exitCode}`;

/**
 * `npm install SPECS` in `project`: from the npm cache alone first (after `npm ci` it holds every
 * dependency), then from the registry for what the cache lacks. Returns why not when the registry is out of
 * reach; any other failure fails the test (a dependency the registry does not have, say).
 */
function install(project: string, specs: string[]): string | undefined {
  // --ignore-scripts: better-sqlite3 would compile its addon for minutes where no prebuilt binary can be
  // downloaded; the addon `npm ci` built for this Node.js is copied in instead.
  const flags = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
  const cached = run('npm', [...flags, '--offline', ...specs], project);
  if (cached.exitCode === 0) return undefined;
  if (npmErrorCode(cached) !== 'ENOTCACHED') expectSuccess(cached, 'npm install --offline of the tarballs');
  const missing = /request to \S*\/([^/\s]+) failed/.exec(cached.stderr)?.[1];
  const fetched = run('npm', [...flags, '--prefer-offline', '--fetch-retries=0', ...specs], project, 60_000);
  if (fetched.exitCode === 0) return undefined;
  const code = fetched.exitCode === null ? 'no answer in 60 s' : npmErrorCode(fetched);
  if (fetched.exitCode !== null && !UNREACHABLE.has(code)) expectSuccess(fetched, 'npm install of the tarballs');
  return `pack-install skipped: the npm cache lacks ${missing ? decodeURIComponent(missing) : 'a package'} and the registry is out of reach (${code}); npm ci fills the cache`;
}

beforeAll(() => {
  if (notBuilt) return;
  work = mkdtempSync(join(tmpdir(), 'custcode-pack-'));
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const workspaces = packages.flatMap(({ directory }) => ['--workspace', `packages/${directory}`]);
  packed = JSON.parse(expectSuccess(run('npm', ['pack', ...workspaces, '--pack-destination', tarballs, '--json'], ROOT), 'npm pack')) as Packed[];

  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'custcode-consumer', private: true, type: 'module' }, null, 2)}\n`);
  unreachable = install(project, [
    ...packed.map((entry) => join(tarballs, entry.filename)),
    `better-sqlite3@${rootDevVersion('better-sqlite3')}`,
    `@types/node@${rootDevVersion('@types/node')}`,
  ]);
  if (unreachable) {
    console.warn(unreachable);
    return;
  }
  const addon = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node');
  mkdirSync(join(project, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  copyFileSync(addon, join(project, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));

  demo = JSON.parse(expectSuccess(run('npx', ['custcode', 'demo', '--dir', 'demo', '--json'], project), 'npx custcode demo')) as typeof demo;
}, 180_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Skips with the printed reason when the registry was out of reach; otherwise the project is installed. */
function installed(context: TestContext): string {
  if (unreachable) context.skip(unreachable);
  return project;
}

/** The demo's U8 database, a code it holds and the name its Customer table gives that code (read with SQL). */
function u8Sample(): { database: string; code: string; name: string } {
  const u8 = demo.sources.find((entry) => entry.source === 'u8')!;
  const database = join(demo.dir, u8.file!);
  const db = new Database(database, { readonly: true });
  try {
    const row = db.prepare('SELECT cCusName AS name FROM Customer WHERE cCusCode = ?').get(u8.sampleCode) as { name: string } | undefined;
    expect(row, `${u8.sampleCode} in ${database}`).toBeDefined();
    return { database, code: u8.sampleCode!, name: row!.name };
  } finally {
    db.close();
  }
}

describe.skipIf(notBuilt)('the packed packages, installed into an empty project', () => {
  it('are one tarball per package, holding the manifest, the README and the build only', () => {
    expect(packed.map((entry) => `${entry.name}@${entry.version}`).sort()).toEqual(packages.map(({ manifest }) => `${manifest.name}@${cli.manifest.version}`).sort());
    for (const { manifest } of packages) {
      const paths = packed.find((entry) => entry.name === manifest.name)!.files.map((file) => file.path);
      expect(paths.filter((path) => !/^(package\.json|README\.md|dist\/.+|bin\/.+)$/.test(path)), manifest.name).toEqual([]);
      const needed = ['package.json', 'README.md', ...Object.values(manifest.bin ?? {}), ...Object.values(manifest.exports).flatMap((conditions) => Object.values(conditions).flatMap((condition) => [condition.types, condition.default]))];
      expect(needed.map((path) => path.replace(/^\.\//, '')).filter((path) => !paths.includes(path)), manifest.name).toEqual([]);
    }
  });

  it('run an ESM script that opens a demo SQLite database and gets a known code', (context) => {
    const cwd = installed(context);
    const { database, code, name } = u8Sample();
    writeFileSync(join(cwd, 'lookup.mjs'), consumerSources.esmScript);
    expect(JSON.parse(expectSuccess(run(process.execPath, ['lookup.mjs', database, code], cwd), 'node lookup.mjs'))).toEqual({ code, name, erp: 'yonyou-u8', typedError: true });
  });

  it('run a CommonJS script that does the same with require()', (context) => {
    const cwd = installed(context);
    const { database, code, name } = u8Sample();
    writeFileSync(join(cwd, 'lookup.cjs'), consumerSources.cjsScript);
    expect(JSON.parse(expectSuccess(run(process.execPath, ['lookup.cjs', database, code], cwd), 'node lookup.cjs'))).toEqual({ code, name, erp: 'yonyou-u8', typedError: true });
  });

  it('type-check a TypeScript consumer of every entry with --strict --module nodenext (ESM and CommonJS)', (context) => {
    const cwd = installed(context);
    writeFileSync(join(cwd, 'consumer.ts'), consumerSources.typescriptEsm(packages));
    writeFileSync(join(cwd, 'consumer.cts'), consumerSources.typescriptCjs(packages));
    // The repository's compiler, by path: the installed project has only what a user of custcode installs.
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const flags = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--noEmit'];
    const result = run(process.execPath, [tsc, ...flags, 'consumer.ts', 'consumer.cts'], cwd);
    expect({ exitCode: result.exitCode, errors: result.stdout }).toEqual({ exitCode: 0, errors: '' });
  });

  it('give the custcode bin: --version is the packages\' version, sources lists the demo config', (context) => {
    const cwd = installed(context);
    expect(expectSuccess(run('npx', ['custcode', '--version'], cwd), 'npx custcode --version').trim()).toBe(cli.manifest.version);
    const configured = Object.keys((JSON.parse(readFileSync(join(demo.dir, 'custcode.config.json'), 'utf8')) as { sources: Record<string, unknown> }).sources);
    const listed = expectSuccess(run('npx', ['custcode', 'sources'], demo.dir), 'npx custcode sources')
      .split('\n')
      .map((line) => line.split(/\s+/)[0]);
    expect(configured.length).toBeGreaterThan(5);
    expect(configured.filter((name) => !listed.includes(name))).toEqual([]);
  });
});
