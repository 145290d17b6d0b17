import { dirname, resolve } from 'node:path';
import { ConfigError } from '@custcode/core';
import { connectionUrlFile, parseConnectionUrl } from '@custcode/sql';
import { accessLogPath } from '../commands/access-log/cli-access.js';
import type { SourceConfig } from '../config/config-schema.js';
import type { LoadedConfig } from '../config/load-config.js';
import { demoFiles } from '../demo/demo-marker.js';
import { resolveSourceUrl } from '../sources/resolve-url.js';
import { type FileIdentity, fileIdentity, sameFile } from './file-identity.js';
import { UsageError } from './usage-error.js';

declare const checked: unique symbol;
/** An absolute path the output guard let through: the only kind of path the CLI writes to. */
export type OutputPath = string & { readonly [checked]: true };

/** A file custcode reads and therefore never writes, and what it is (for the message). */
export interface ProtectedFile {
  path: string;
  what: string;
}

/** SQLite writes these beside a database file; replacing one corrupts the database too. */
const SQLITE_SIDECARS = ['-wal', '-journal', '-shm'];
const withSidecars = (path: string, what: string): ProtectedFile[] => [{ path, what }, ...SQLITE_SIDECARS.map((suffix) => ({ path: `${path}${suffix}`, what: `${what} (its ${suffix.slice(1)} file)` }))];

/** The files a source reads: a database file (`sqlite:PATH`) and those its product names (a CSV/XLSX file, the SAP emulator's data). */
function sourceFiles(name: string, source: SourceConfig, loaded: LoadedConfig): ProtectedFile[] {
  const { directory } = loaded;
  const files: ProtectedFile[] = [];
  const url = source.url;
  if (typeof url === 'string') {
    try {
      const file = connectionUrlFile(parseConnectionUrl(resolveSourceUrl(url, directory, name)));
      if (file !== undefined) files.push(...withSidecars(resolve(directory, file), `the database of source "${name}"`));
    } catch {
      // A URL the source cannot open names no file.
    }
  }
  const adapter = loaded.adapters.get(source.erp);
  if (adapter !== undefined && !(adapter instanceof Error)) {
    for (const file of adapter.describe(source).files ?? []) files.push({ path: resolve(directory, file.path), what: `${file.what} of source "${name}"` });
  }
  return files;
}

/** The files the config makes custcode read: the config itself and the files of every source. */
function readFiles(loaded: LoadedConfig): ProtectedFile[] {
  return [{ path: loaded.path, what: 'the config file' }, ...Object.entries(loaded.config.sources).flatMap(([name, source]) => sourceFiles(name, source, loaded))];
}

/** Every file custcode reads or keeps for this config: `readFiles` and the access log. */
export function protectedFiles(loaded: LoadedConfig): ProtectedFile[] {
  const log = accessLogPath(loaded);
  return [...readFiles(loaded), ...(log === undefined ? [] : [{ path: log, what: 'the access log' }])];
}

/** The access log is appended to by every command: it must not be a file a source reads (or the config). */
export function assertAccessLogIsOwnFile(loaded: LoadedConfig): void {
  const log = accessLogPath(loaded);
  if (log === undefined) return;
  const identity = fileIdentity(log);
  const hit = readFiles(loaded).find((file) => sameFile(identity, fileIdentity(file.path)));
  if (hit) {
    throw new ConfigError({
      message: `${loaded.path}: accessLog.path ${log} is ${hit.what}: custcode never writes over what it reads.`,
      hint: 'Point "accessLog.path" at a file of its own, e.g. ./custcode-access.jsonl.',
    });
  }
}

/** The files of a demo directory, when `directory` is one (its databases with their sidecars, data files, config). */
function demoDirectoryFiles(directory: string): ProtectedFile[] {
  const what = `a file of the demo in ${directory}`;
  return (demoFiles(directory) ?? []).flatMap((name) => (name.endsWith('.sqlite') ? withSidecars(resolve(directory, name), what) : [{ path: resolve(directory, name), what }]));
}

/** Checks every path a command is about to write. */
export interface OutputGuard {
  /**
   * `path` (relative to the working directory) as an absolute OutputPath; a UsageError (exit 2) when it is,
   * by name, symlink or hard link, a file the config reads (see `protectedFiles`) or a file of a demo directory.
   */
  check(path: string, flag: string): OutputPath;
}

/** The guard for a command run with this config (none: `rule` commands without a config still keep demo files safe). */
export function outputGuard(loaded: LoadedConfig | undefined, cwd: string): OutputGuard {
  let configured: Array<ProtectedFile & { identity: FileIdentity }> | undefined;
  return {
    check(path, flag) {
      const absolute = resolve(cwd, path);
      const target = fileIdentity(absolute);
      configured ??= (loaded ? protectedFiles(loaded) : []).map((file) => ({ ...file, identity: fileIdentity(file.path) }));
      const demo = demoDirectoryFiles(dirname(target.path)).map((file) => ({ ...file, identity: fileIdentity(file.path) }));
      const hit = [...configured, ...demo].find((file) => sameFile(target, file.identity));
      if (hit) {
        throw new UsageError({
          message: `${flag} ${path} is ${hit.what} (${hit.path}): custcode never writes over what it reads.`,
          hint: `Choose another ${flag} path.`,
        });
      }
      return absolute as OutputPath;
    },
  };
}
