/**
 * `npm run set-version -- X` moves every package and every dependency between them to X together, and
 * leaves everything else alone (run here on copies of the manifests).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setVersion } from '../../scripts/set-version.mjs';
import { ROOT, workspacePackages, type Manifest } from './support/workspace-packages.js';

const packages = workspacePackages();
let copy = '';
afterEach(() => rmSync(copy, { recursive: true, force: true }));

function copyManifests(): string {
  copy = mkdtempSync(join(tmpdir(), 'custcode-set-version-'));
  for (const { directory } of packages) {
    mkdirSync(join(copy, 'packages', directory), { recursive: true });
    copyFileSync(join(ROOT, 'packages', directory, 'package.json'), join(copy, 'packages', directory, 'package.json'));
  }
  return copy;
}

const read = (root: string, directory: string) => JSON.parse(readFileSync(join(root, 'packages', directory, 'package.json'), 'utf8')) as Manifest;

describe('set-version', () => {
  it('sets the version of every package and of their dependencies on each other, nothing else', () => {
    const root = copyManifests();
    expect(setVersion(root, '7.8.9-rc.1')).toHaveLength(packages.length);
    for (const { directory, manifest: before } of packages) {
      const after = read(root, directory);
      const bump = (dependencies: Record<string, string> | undefined) =>
        dependencies && Object.fromEntries(Object.entries(dependencies).map(([name, range]) => [name, name.startsWith('@custcode/') ? '7.8.9-rc.1' : range]));
      expect(after).toEqual({ ...before, version: '7.8.9-rc.1', dependencies: bump(before.dependencies), peerDependencies: bump(before.peerDependencies) });
    }
    expect(read(root, 'cli').dependencies?.['@custcode/core']).toBe('7.8.9-rc.1');
  });

  it('refuses what is not a version, before writing anything', () => {
    const root = copyManifests();
    expect(() => setVersion(root, 'v0.2')).toThrow('not a version: "v0.2" (expected e.g. 0.2.0)');
    expect(packages.map(({ directory }) => read(root, directory))).toEqual(packages.map(({ manifest }) => manifest));
  });
});
