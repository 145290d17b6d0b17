import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const { paths } = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')).compilerOptions as { paths: Record<string, [string]> };

// Tests run against the TypeScript sources; the built packages are checked separately (test/exports).
export default defineConfig({
  resolve: {
    // Every @custcode/* entry maps to its source as tsconfig.json's paths list them (exact matches only).
    alias: Object.entries(paths).map(([name, [file]]) => ({ find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`), replacement: fileURLToPath(new URL(`./${file}`, import.meta.url)) })),
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/console/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most test time waits on databases, child processes and the browser: two files at a time even on two
    // cores (Vitest's default there is one) brings the suite from ~12 to ~7 minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default'],
  },
});
