/** Exit codes of every `custcode` command (DESIGN.md §CLI). */
export const EXIT_CODES = {
  ok: 0,
  /** Something asked for was not found, or a code is invalid. */
  notFound: 1,
  /** Usage or config error. */
  usage: 2,
  /** Connection or backend error. */
  backend: 3,
  /** Denied by the configured role. */
  denied: 4,
} as const;

/**
 * The streams a command works with. Commands never touch `process` directly, so tests can run them
 * in-process and the binary wires them to the real streams.
 */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
