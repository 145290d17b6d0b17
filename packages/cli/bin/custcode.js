#!/usr/bin/env node
// The `custcode` bin. It is a source file, not a build output, because npm links a bin only when its file
// exists at install time: in a clone, `npm ci` runs before `npm run build`, and this file is then what
// `npx custcode` finds at the root. It loads the built command.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('error: custcode is not built yet\nhint: run npm run build at the root of the repository\n');
  process.exitCode = 2;
}
