/**
 * Every example command of README.md and packages/cli/README.md (the `custcode …` lines of their sh blocks),
 * and every command the demo's tour suggests, run against a fresh default demo: each must find something.
 * A command may exit 1 only where its README line says so ("exit 1").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from './test-io.js';

const root = join(import.meta.dirname, '..', '..', '..');
const READMES = ['README.md', 'packages/cli/README.md'];

/** Splits a shell line into words: "double" and 'single' quotes, a trailing # comment. */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (quote) {
      if (character === quote) quote = undefined;
      else word += character;
    } else if (character === '"' || character === "'") {
      quote = character;
      word ??= '';
    } else if (character === '#' && word === undefined) {
      return { words, comment: line.slice(index + 1).trim() };
    } else if (/\s/.test(character)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + character;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, comment: '' };
}

/** The `custcode …` lines of a markdown file's sh blocks (not `custcode demo`: the test made the demo). */
function exampleCommands(markdown: string): Array<{ line: string; args: string[]; comment: string }> {
  const commands: Array<{ line: string; args: string[]; comment: string }> = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      const { words, comment } = shellWords(line.trim());
      if (words[0] !== 'custcode' || words[1] === 'demo') continue;
      commands.push({ line: line.trim(), args: words.slice(1), comment });
    }
  }
  return commands;
}

let project: ReturnType<typeof tempProject>;
let tour = '';
const demo = () => join(project.directory, 'demo');
beforeAll(async () => {
  project = tempProject();
  const created = await runInProcess(['demo', '--dir', 'demo'], { cwd: project.directory });
  expect(created.exitCode).toBe(0);
  tour = created.stdout;
});
afterAll(() => project.cleanup());

/** Runs a documented command and checks that it found something. */
async function expectFindsSomething(args: string[], comment: string, label: string): Promise<void> {
  const result = await runInProcess(args, { cwd: demo() });
  const shown = `${label}\nexit ${result.exitCode}\n${result.stderr}${result.stdout.slice(0, 400)}`;
  expect(result.exitCode === 0 || (result.exitCode === 1 && /exit 1/.test(comment)), shown).toBe(true);
  expect(result.stderr, shown).not.toMatch(/no customers match|exported 0 customers|^error:/m);
  const wroteFile = /^(exported|wrote) /m.test(result.stderr) || args.includes('--html');
  expect(result.stdout.trim() !== '' || wroteFile, `${shown}\n(nothing printed)`).toBe(true);
  if (args[0] === 'get' && args.includes('--json')) expect((JSON.parse(result.stdout) as unknown[]).length, shown).toBeGreaterThan(0);
  if (args[0] === 'sources') expect(result.stdout, shown).not.toMatch(/CONNECTION_FAILED|CONFIG_INVALID|BACKEND_ERROR/);
}

describe('README examples against the demo', () => {
  for (const readme of READMES) {
    const commands = exampleCommands(readFileSync(join(root, readme), 'utf8'));
    it(`${readme}: has example commands`, () => expect(commands.length).toBeGreaterThan(2));
    for (const { line, args, comment } of commands) {
      it(`${readme}: ${line}`, () => expectFindsSomething(args, comment, line));
    }
  }

  it('the demo tour: every suggested command finds something', async () => {
    // The tour spells the command `npx custcode` (test/packaging runs its lines through a shell as printed).
    const lines = tour.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('npx custcode ') && !line.startsWith('npx custcode demo'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) await expectFindsSomething(shellWords(line).words.slice(2), '', line);
  });

  it('the --ask example says what it understood and finds blocked Beijing customers created since 2024', async () => {
    const result = await runInProcess(['search', 'u8', '--ask', '北京 停用 的客户 2024年以后新增', '--json'], { cwd: demo() });
    expect(result.stderr).toContain('"北京" → region=北京');
    const found = JSON.parse(result.stdout) as Array<{ region: string; status: string; createdAt: string }>;
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const customer of found) expect(customer.region === '北京' && customer.status === 'blocked' && customer.createdAt >= '2024-01-01').toBe(true);
  });
});
