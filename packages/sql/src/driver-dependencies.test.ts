import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { DRIVER_DEPENDENCIES } from './driver-dependencies.js';

const sourceDirectory = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

it('DRIVER_DEPENDENCIES matches package.json peerDependencies (all optional)', () => {
  const manifest = JSON.parse(readFileSync(join(sourceDirectory, '..', 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
  };
  expect(manifest.peerDependencies).toEqual(DRIVER_DEPENDENCIES);
  for (const name of Object.keys(DRIVER_DEPENDENCIES)) expect(manifest.peerDependenciesMeta[name]?.optional).toBe(true);
});

it('DRIVER_DEPENDENCIES matches the packages src loads (loadDriverPackage or importOptional)', () => {
  const loaded = new Set<string>();
  for (const file of sourceFiles(sourceDirectory)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:loadDriverPackage|importOptional)(?:<[^>]*>)?\(\s*'([^']+)'/g)) loaded.add(match[1]!);
  }
  expect([...loaded].sort()).toEqual(Object.keys(DRIVER_DEPENDENCIES).sort());
});
