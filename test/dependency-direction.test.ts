/**
 * The packages form layers: the contract (core) at the bottom, the SQL layer on it, the adapters on those,
 * the HTTP server, then the CLI on top. A package's runtime code imports only packages of lower layers, and
 * its package.json declares exactly the custcode packages its runtime code imports (no heavier dependency
 * than it uses, none missing for an installed copy).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

const LAYERS: Record<string, number> = {
  core: 0,
  sql: 1,
  'adapter-sap': 2,
  'adapter-oracle': 2,
  'adapter-yonyou': 2,
  'adapter-kingdee': 2,
  server: 3,
  cli: 4,
};

/** Runtime source files: tests and test-only folders import what they like. */
function runtimeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return runtimeFiles(path);
    return /\.ts$/.test(entry) && !/\.test\.ts$/.test(entry) ? [path] : [];
  });
}

/** The custcode packages a file imports (static, dynamic and type imports), by directory name. */
function importedPackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]@custcode\/([a-z-]+)/g)].map((match) => match[1]!);
}

describe.each(Object.keys(LAYERS))('@custcode/%s', (name) => {
  const base = join(root, 'packages', name);
  const imports = new Map<string, string[]>();
  for (const file of runtimeFiles(join(base, 'src'))) {
    for (const imported of importedPackages(file)) {
      if (imported !== name) imports.set(imported, [...(imports.get(imported) ?? []), file.slice(root.length + 1)]);
    }
  }

  it('imports only packages of lower layers', () => {
    const upward = [...imports].filter(([imported]) => !(LAYERS[imported]! < LAYERS[name]!)).map(([imported, files]) => `${imported} (${files.join(', ')})`);
    expect(upward).toEqual([]);
  });

  it('declares exactly the custcode packages it imports', () => {
    const manifest = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
      .filter((dependency) => dependency.startsWith('@custcode/'))
      .map((dependency) => dependency.slice('@custcode/'.length));
    expect(declared.sort()).toEqual([...imports.keys()].sort());
  });
});

it('knows every package', () => {
  expect(readdirSync(join(root, 'packages')).sort()).toEqual(Object.keys(LAYERS).sort());
});
