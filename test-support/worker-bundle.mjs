/**
 * Worker threads started by code under test run TypeScript that vitest never sees (it transforms the
 * test process only). This bundles a worker's entry, with `@custcode/*` taken from the packages' sources
 * as tsconfig.json's paths map them, into one ESM file under node_modules/.cache (where the packages it
 * leaves external, zod and the like, resolve) — once per test process.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const { paths } = JSON.parse(readFileSync(new URL('tsconfig.json', root), 'utf8')).compilerOptions;
const sources = {
  name: 'custcode-sources',
  setup(plugin) {
    plugin.onResolve({ filter: /^@custcode\// }, ({ path }) => {
      const name = path.slice('@custcode/'.length);
      const [file] = paths[path] ?? [`packages/${name}/src/index.ts`];
      return { path: fileURLToPath(new URL(file, root)) };
    });
  },
};

const bundles = new Map();

/** The URL of the bundled worker script for a `.ts` entry (a file URL). */
export function bundledWorker(entry) {
  let bundle = bundles.get(entry);
  if (bundle === undefined) {
    bundle = bundleOf(entry);
    bundles.set(entry, bundle);
  }
  return bundle;
}

async function bundleOf(entry) {
  const path = fileURLToPath(entry);
  const { outputFiles } = await build({ entryPoints: [path], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', packages: 'external', plugins: [sources], sourcemap: 'inline' });
  const directory = new URL('node_modules/.cache/custcode-test-workers/', root);
  mkdirSync(directory, { recursive: true });
  const file = new URL(`${basename(path, '.ts')}-${process.pid}.mjs`, directory);
  writeFileSync(file, outputFiles[0].text);
  return file.href;
}
