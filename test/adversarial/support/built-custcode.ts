import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The built command (`npm run build`): the suite runs what users run, not the TypeScript sources. */
export const BUILT_BIN = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
export const notBuilt = existsSync(BUILT_BIN) ? undefined : `adversarial suite skipped: ${BUILT_BIN} is missing (run npm run build first)`;

export interface BuiltRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** `custcode ARGS` as a child process in `cwd`, with only PATH and `env` in its environment. */
export function custcode(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string }): BuiltRun {
  const result = spawnSync(process.execPath, [BUILT_BIN, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    timeout: 30_000,
  });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ServeProcess {
  url: string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** GET /health's status (0 when it did not answer). */
  health(): Promise<number>;
  /** A request with a raw `Host` header (fetch does not let a caller set it). */
  statusWithHost(path: string, host: string, headers?: Record<string, string>): Promise<number>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * `custcode serve --port 0 --host 127.0.0.1 --json` in `cwd`: resolves once the server printed its URL
 * (the port the system picked), rejects if it exits first.
 */
export function startServe(options: { cwd: string; env?: Record<string, string> }): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [BUILT_BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--json'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exitCode = code))));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || line === undefined) return;
      const url = (JSON.parse(line) as { url: string }).url;
      resolve({
        url,
        alive: () => exitCode === undefined,
        stderr: () => stderr,
        health: () => fetch(`${url}/health`).then((response) => response.status, () => 0),
        statusWithHost: (path, host, headers = {}) =>
          new Promise((done, fail) => {
            httpRequest(`${url}${path}`, { headers: { ...headers, host } }, (response) => done(response.resume().statusCode ?? 0)).on('error', fail).end();
          }),
        stop: () => {
          if (exitCode === undefined) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`custcode serve exited (${code}) before listening: ${stderr}`)));
  });
}
