#!/usr/bin/env node
// Every @custcode package is released at one version, and each depends on the others at exactly that
// version (test/packaging/manifests.test.ts fails when they drift). `npm version --workspaces` changes the
// versions but not those dependencies; this changes both.
//   npm run set-version -- 0.2.0     then npm install, which updates package-lock.json
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DEPENDENCY_KINDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/** Sets `version` on every package under `root`/packages and on their dependencies on each other; returns the manifests written. */
export function setVersion(root, version) {
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`not a version: ${JSON.stringify(version)} (expected e.g. 0.2.0)`);
  const files = readdirSync(join(root, 'packages'))
    .map((directory) => join(root, 'packages', directory, 'package.json'))
    .filter((file) => existsSync(file));
  const manifests = files.map((file) => ({ file, manifest: JSON.parse(readFileSync(file, 'utf8')) }));
  const names = new Set(manifests.map(({ manifest }) => manifest.name));
  for (const { file, manifest } of manifests) {
    manifest.version = version;
    for (const kind of DEPENDENCY_KINDS) {
      for (const name of Object.keys(manifest[kind] ?? {})) if (names.has(name)) manifest[kind][name] = version;
    }
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const files = setVersion(join(import.meta.dirname, '..'), process.argv[2] ?? '');
    console.log(`set ${files.length} packages to ${process.argv[2]}; now run npm install to update package-lock.json`);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}\nusage: npm run set-version -- 0.2.0`);
    process.exitCode = 2;
  }
}
