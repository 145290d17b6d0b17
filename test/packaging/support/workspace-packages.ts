/**
 * The packages of this repository as npm sees them (their manifests), and npm run the way a user runs it:
 * outside the `npm test` that started vitest, and never downloading a command it did not find.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface Conditions {
  types: string;
  default: string;
}

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  engines?: { node?: string };
  publishConfig?: { access?: string };
  files?: string[];
  bin?: Record<string, string>;
  exports: Record<string, { import: Conditions; require?: Conditions }>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface WorkspacePackage {
  /** Its directory under packages/. */
  directory: string;
  manifest: Manifest;
}

/** Every package under packages/, in directory order. */
export function workspacePackages(): WorkspacePackage[] {
  return readdirSync(join(ROOT, 'packages'))
    .filter((directory) => existsSync(join(ROOT, 'packages', directory, 'package.json')))
    .map((directory) => ({ directory, manifest: JSON.parse(readFileSync(join(ROOT, 'packages', directory, 'package.json'), 'utf8')) as Manifest }));
}

/** The root manifest's pinned version of a dev dependency (what `npm ci` put in the npm cache). */
export function rootDevVersion(name: string): string {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies[name];
  if (!version) throw new Error(`the root package.json pins no ${name}`);
  return version;
}

/** The import specifier of an `exports` subpath (`.` → the package name). */
export const specifierOf = (name: string, subpath: string) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`);

/**
 * The environment of a user's shell: without what `npm test` adds for its own script (its package, its
 * lifecycle, its workspace), and with `npx` told to fail rather than download a package it does not find
 * installed (a missing link must fail the test, not fetch some other package named `custcode`).
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_(lifecycle|package)_|npm_config_(local_prefix|workspaces?|include_workspace_root)$|INIT_CWD$)/i.test(key)) environment[key] = value;
  }
  return { ...environment, npm_config_yes: 'false', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

export interface CommandResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** A command line through the shell, as a user would type it, in `cwd`. */
export function shell(line: string, cwd: string, timeout = 60_000): CommandResult {
  const result = spawnSync('sh', ['-c', line], { cwd, env: userEnvironment(), encoding: 'utf8', timeout });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A program with arguments (no shell), in `cwd`. */
export function run(command: string, args: string[], cwd: string, timeout = 60_000): CommandResult {
  const result = spawnSync(command, args, { cwd, env: userEnvironment(), encoding: 'utf8', timeout });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The command lines a demo tour suggests after "Try:", in order (the first is its `cd`). */
export function tourLines(tour: string): string[] {
  const lines = tour.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Try:');
  if (start === -1) throw new Error(`the tour has no "Try:" section:\n${tour}`);
  const after = lines.slice(start + 1);
  const end = after.findIndex((line) => line.trim() === '');
  return (end === -1 ? after : after.slice(0, end)).map((line) => line.trim());
}
