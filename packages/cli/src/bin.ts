#!/usr/bin/env node
import { humanLine } from './output/terminal-text.js';
import { runCli } from './program.js';

// Broken pipes (custcode … | head) end quietly instead of crashing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
}).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${humanLine(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 3;
  },
);
