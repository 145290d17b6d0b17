/**
 * Every package is publishable as a set: one version for all of them (they are released together, and each
 * depends on the others at exactly that version), the Node.js range, the files and the exports a published
 * tarball needs, database drivers as optional peers with ranges. pack-install.test.ts installs the result.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspacePackages, type Manifest } from './support/workspace-packages.js';

const packages = workspacePackages();
const names = new Set(packages.map(({ manifest }) => manifest.name));
const cliVersion = packages.find(({ manifest }) => manifest.name === '@custcode/cli')!.manifest.version;

/** Subpaths that are ESM only on purpose, with the reason. */
const ESM_ONLY: Record<string, string> = {
  '@custcode/core ./testing': 'the conformance suite runs inside vitest, which is ESM only',
};

const dependencyKinds = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** `kind name@range` for every dependency on a package of this repository. */
function internalDependencies(manifest: Manifest): Array<{ kind: string; name: string; range: string }> {
  return dependencyKinds.flatMap((kind) =>
    Object.entries(manifest[kind] ?? {})
      .filter(([name]) => name.startsWith('@custcode/'))
      .map(([name, range]) => ({ kind, name, range })),
  );
}

describe('the packages as a set', () => {
  it('share one version', () => {
    expect(Object.fromEntries(packages.map(({ manifest }) => [manifest.name, manifest.version]))).toEqual(
      Object.fromEntries(packages.map(({ manifest }) => [manifest.name, cliVersion])),
    );
  });

  it('depend on each other at exactly that version, and only on packages of this repository', () => {
    const pins = packages.flatMap(({ manifest }) => internalDependencies(manifest).map((entry) => `${manifest.name} ${entry.kind} ${entry.name}@${entry.range}`));
    expect(pins.length).toBeGreaterThan(packages.length);
    const expected = packages.flatMap(({ manifest }) =>
      internalDependencies(manifest).filter(({ name }) => names.has(name)).map((entry) => `${manifest.name} ${entry.kind} ${entry.name}@${cliVersion}`),
    );
    expect(pins).toEqual(expected);
  });
});

describe.each(packages)('packages/$directory', ({ directory, manifest }) => {
  const base = join(ROOT, 'packages', directory);

  it('is public, MIT, for Node.js 20 or later', () => {
    expect({ private: manifest.private, license: manifest.license, engines: manifest.engines, access: manifest.publishConfig?.access }).toEqual({
      private: undefined,
      license: 'MIT',
      engines: { node: '>=20' },
      access: 'public',
    });
  });

  it('publishes its build and its README (and its bin)', () => {
    const bins = Object.values(manifest.bin ?? {});
    expect(manifest.files).toEqual([...(bins.length > 0 ? ['bin'] : []), 'dist', 'README.md']);
    expect(existsSync(join(base, 'README.md')), `${directory}/README.md`).toBe(true);
    for (const bin of bins) {
      // A bin under dist/ does not exist when `npm ci` links bins in a clone (before the build).
      expect(bin, `${manifest.name} bin`).toMatch(/^\.\/bin\//);
      expect(existsSync(join(base, bin)), `${manifest.name} bin ${bin}`).toBe(true);
    }
  });

  it('exports types and code for import and require from dist', () => {
    expect(Object.keys(manifest.exports)).toContain('.');
    for (const [subpath, conditions] of Object.entries(manifest.exports)) {
      const label = `${manifest.name} ${subpath}`;
      // TypeScript reads the first matching condition: `types` must come before `default`.
      expect(Object.keys(conditions.import), label).toEqual(['types', 'default']);
      expect(conditions.import, label).toEqual({ types: expect.stringMatching(/^\.\/dist\/.+\.d\.ts$/), default: expect.stringMatching(/^\.\/dist\/.+\.js$/) });
      if (ESM_ONLY[label]) {
        expect(Object.keys(conditions), label).toEqual(['import']);
        continue;
      }
      expect(Object.keys(conditions), label).toEqual(['import', 'require']);
      expect(Object.keys(conditions.require!), label).toEqual(['types', 'default']);
      expect(conditions.require, label).toEqual({ types: expect.stringMatching(/^\.\/dist\/.+\.d\.cts$/), default: expect.stringMatching(/^\.\/dist\/.+\.cjs$/) });
    }
  });

  it('takes database drivers (and vitest) as optional peers with a version range', () => {
    for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
      // DuckDB's Node packages carry a release tag on every version (1.5.6-r.1), so its range keeps the tag.
      expect(range, `${manifest.name} peer ${name}`).toMatch(/^\^\d+\.\d+\.\d+(-r\.\d+)?$/);
      expect(manifest.peerDependenciesMeta?.[name]?.optional, `${manifest.name} peer ${name} optional`).toBe(true);
    }
    expect(Object.keys(manifest.peerDependenciesMeta ?? {}).filter((name) => !manifest.peerDependencies?.[name])).toEqual([]);
  });
});
