import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { captureIo, tempProject } from '../../test/test-io.js';
import { loadConfig } from './load-config.js';

// The tests run as root in CI, where chmod cannot make a file unreadable: the read fails on request instead.
const failRead = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    readFileSync: (...args: Parameters<typeof fs.readFileSync>) => {
      if (failRead.code !== undefined) throw Object.assign(new Error(`${failRead.code}: cannot read`), { code: failRead.code });
      return fs.readFileSync(...args);
    },
  };
});

let project: ReturnType<typeof tempProject> | undefined;
afterEach(() => {
  failRead.code = undefined;
  project?.cleanup();
});

async function loadError(directory: string, explicit?: string): Promise<Error & { hint?: string }> {
  try {
    await loadConfig(captureIo(directory).io, explicit);
  } catch (error) {
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    return error as Error & { hint?: string };
  }
  throw new Error('the config loaded');
}

describe('loadConfig on a file it cannot read', () => {
  it('says permission denied, not "fix the JSON syntax"', async () => {
    project = tempProject({ sources: {} });
    failRead.code = 'EACCES';
    const error = await loadError(project.directory);
    expect(error.message).toBe(`Cannot read the config file ${join(project.directory, 'custcode.config.json')}: permission denied (EACCES).`);
    expect(error.hint).toContain('chmod u+r');
    expect(error.hint).not.toContain('JSON');
  });

  it('says a directory is a directory', async () => {
    project = tempProject();
    mkdirSync(join(project.directory, 'conf'));
    const error = await loadError(project.directory, 'conf');
    expect(error.message).toMatch(/^Cannot read the config file .*conf: it is a directory \(EISDIR\)\.$/);
    expect(error.hint).toContain('custcode.config.json');
  });

  it('still says "not valid JSON" for a file that is not JSON', async () => {
    project = tempProject();
    project.write('custcode.config.json', '{ "sources": { }, }');
    expect((await loadError(project.directory)).hint).toBe('Fix the JSON syntax (no comments, no trailing commas).');
  });
});
