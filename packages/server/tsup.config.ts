import { defineConfig } from 'tsup';

export default defineConfig({
  // The audit and match worker threads' scripts are entries of their own, next to index (both builds start its ESM file).
  entry: { index: 'src/index.ts', 'audit-worker': 'src/audit/audit-worker.ts', 'match-worker': 'src/match/match-worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The CommonJS build finds the worker beside it through import.meta.url too.
  shims: true,
});
