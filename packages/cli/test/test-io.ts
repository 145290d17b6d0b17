import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CommandIo } from '../src/command-io.js';
import { runCli } from '../src/program.js';

export interface CapturedRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Streams for a command run directly (not through `runCli`), and what it wrote to each. */
export function captureIo(cwd: string): { io: CommandIo; stdout: () => string; stderr: () => string } {
  const stdout = capture();
  const stderr = capture();
  return {
    io: { stdout: stdout.stream, stderr: stderr.stream, stdin: Readable.from(['']), stderrIsTTY: false, env: {}, cwd },
    stdout: stdout.text,
    stderr: stderr.text,
  };
}

/** Runs `custcode ARGS` in-process with captured streams. */
export async function runInProcess(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string; tty?: boolean }): Promise<CapturedRun> {
  const stdout = capture();
  const stderr = capture();
  const io: CommandIo = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from([options.stdin ?? '']),
    stderrIsTTY: options.tty ?? false,
    env: options.env ?? {},
    cwd: options.cwd,
  };
  const exitCode = await runCli(args, io);
  await new Promise((resolve) => setImmediate(resolve));
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}

/** A temporary directory with a config file; `cleanup` removes it. */
export function tempProject(config?: unknown): { directory: string; write: (name: string, content: string | Buffer) => string; cleanup: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'custcode-cli-'));
  const write = (name: string, content: string | Buffer) => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };
  if (config !== undefined) write('custcode.config.json', JSON.stringify(config, null, 2));
  return { directory, write, cleanup: () => rmSync(directory, { recursive: true, force: true }) };
}
