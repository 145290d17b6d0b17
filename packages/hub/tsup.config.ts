import { defineConfig } from 'tsup';

const common = { dts: true, sourcemap: true, target: 'node20' } as const;

export default defineConfig([
  { ...common, format: ['esm', 'cjs'], entry: { index: 'src/index.ts' } },
]);
