import { defineConfig } from 'tsup';

const common = { dts: true, sourcemap: true, target: 'node20' } as const;

export default defineConfig([
  { ...common, format: ['esm', 'cjs'], entry: { index: 'src/index.ts', adapter: 'src/adapter.ts', validators: 'src/validators.ts', messages: 'src/messages.ts', fixtures: 'src/fixtures.ts' } },
  // The testing entry imports vitest, which is ESM only: this entry is too.
  { ...common, format: ['esm'], entry: { testing: 'src/testing/index.ts' }, external: ['vitest'] },
]);
