/**
 * The packages form layers: the contract (core) at the bottom; the feature packages (rules, export, access,
 * sample, ask; then audit and changes; then migrate, report and match; then hub, whose SQL match engine shares
 * match's model) and the SQL layer on it; the adapters; the HTTP server; the CLI on top. A package's runtime
 * code imports only packages of lower layers (core imports no feature), and its package.json declares exactly the packages its runtime code imports, custcode's and
 * third-party (no heavier dependency than it uses, none missing for an installed copy).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

const LAYERS: Record<string, number> = {
  core: 0,
  rules: 1,
  export: 1,
  access: 1,
  sample: 1,
  ask: 1,
  audit: 2,
  changes: 2,
  sql: 2,
  migrate: 3,
  report: 3,
  match: 3,
  hub: 4,
  'adapter-sap': 3,
  'adapter-oracle': 3,
  'adapter-yonyou': 3,
  'adapter-kingdee': 3,
  server: 4,
  cli: 5,
};

function manifestOf(directory: string): Record<string, Record<string, string> | undefined> {
  return JSON.parse(readFileSync(join(root, 'packages', directory, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
}

/** Runtime source files: tests and test-only folders import what they like. */
function runtimeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return runtimeFiles(path);
    return /\.ts$/.test(entry) && !/\.test\.ts$/.test(entry) ? [path] : [];
  });
}

/** The packages a file imports (static, dynamic and type imports; node built-ins left out), by package name. */
function importedPackages(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]((?:@[a-z0-9-]+\/)?[a-z0-9.:-]+)/g)].map((match) => match[1]!).filter((name) => !name.startsWith('node:') && !name.startsWith('.'));
}

describe.each(Object.keys(LAYERS))('@custcode/%s', (name) => {
  const base = join(root, 'packages', name);
  const imports = new Map<string, string[]>();
  for (const file of runtimeFiles(join(base, 'src'))) {
    for (const imported of importedPackages(file)) {
      if (imported !== `@custcode/${name}`) imports.set(imported, [...(imports.get(imported) ?? []), file.slice(root.length + 1)]);
    }
  }

  it('imports only packages of lower layers', () => {
    const upward = [...imports]
      .filter(([imported]) => imported.startsWith('@custcode/') && !(LAYERS[imported.slice('@custcode/'.length)]! < LAYERS[name]!))
      .map(([imported, files]) => `${imported} (${files.join(', ')})`);
    expect(upward).toEqual([]);
  });

  it('declares every package it imports', () => {
    const declared = Object.keys({ ...manifestOf(name).dependencies, ...manifestOf(name).peerDependencies });
    expect([...imports.keys()].filter((imported) => !declared.includes(imported))).toEqual([]);
  });

  it('declares nothing it does not use: a dependency is imported, or supplies a peer of a custcode package it uses', () => {
    const manifest = manifestOf(name);
    const suppliedPeers = new Set(
      Object.keys(manifest.dependencies ?? {})
        .filter((dependency) => dependency.startsWith('@custcode/'))
        .flatMap((dependency) => Object.keys(manifestOf(dependency.slice('@custcode/'.length)).peerDependencies ?? {})),
    );
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect(declared.filter((dependency) => !imports.has(dependency) && !suppliedPeers.has(dependency))).toEqual([]);
  });
});

it('knows every package', () => {
  expect(readdirSync(join(root, 'packages')).sort()).toEqual(Object.keys(LAYERS).sort());
});
