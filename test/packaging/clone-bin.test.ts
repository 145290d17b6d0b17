/**
 * In a clone, after `npm ci && npm run build`, `npx custcode …` runs the command (npm ci links the bin at
 * the root), and the demo's tour prints command lines that run as printed, through a shell.
 */
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, shell, tourLines, workspacePackages } from './support/workspace-packages.js';

const cli = workspacePackages().find(({ manifest }) => manifest.name === '@custcode/cli')!;
const notBuilt = existsSync(join(ROOT, 'packages/cli/dist/bin.js')) ? undefined : 'clone bin tests skipped: packages/cli/dist is missing (run npm run build first)';
if (notBuilt) console.warn(notBuilt);

// Inside the clone (the tour's `npx custcode` finds the root's bin by walking up), in an ignored directory.
let work = '';
beforeAll(() => {
  mkdirSync(join(ROOT, '.custcode-tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.custcode-tmp', 'tour-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(notBuilt)('custcode in a clone', () => {
  it('is linked at the root by npm ci', () => {
    const link = join(ROOT, 'node_modules/.bin/custcode');
    expect(existsSync(link), `${link} is missing: run npm ci (or npm install) at the root`).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(join(ROOT, 'packages/cli', cli.manifest.bin!.custcode!)));
  });

  it('runs as npx custcode from the root and from a directory below it', () => {
    for (const cwd of [ROOT, work]) {
      const version = run('npx', ['custcode', '--version'], cwd);
      expect({ cwd, exitCode: version.exitCode, stdout: version.stdout.trim() }).toEqual({ cwd, exitCode: 0, stdout: cli.manifest.version });
    }
  });

  it('makes a demo whose tour lines run as printed', () => {
    const demo = shell('npx custcode demo --dir "my demo"', work);
    expect({ exitCode: demo.exitCode, stderr: demo.stderr }).toEqual({ exitCode: 0, stderr: '' });
    const [cd, ...commands] = tourLines(demo.stdout);
    expect(cd).toBe("cd 'my demo'");
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) {
      expect(command).toMatch(/^npx custcode /);
      const result = shell(`${cd} && ${command}`, work);
      const shown = `${command}\nexit ${result.exitCode}\n${result.stderr}${result.stdout.slice(0, 400)}`;
      expect(result.exitCode, shown).toBe(0);
      expect(result.stderr, shown).not.toMatch(/^(error|npm error):/m);
      expect(result.stdout.trim() !== '' || /^exported /m.test(result.stderr), `${shown}\n(nothing printed)`).toBe(true);
    }
  });
});
