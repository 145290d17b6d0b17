import { defineConfig } from 'tsup';

const common = { format: ['esm', 'cjs'] as const, dts: true, sourcemap: true, target: 'node20' } as const;

export default defineConfig([
  {
    ...common,
    format: ['esm', 'cjs'],
    entry: { index: 'src/index.ts', 'export-xlsx': 'src/export/xlsx/index.ts', 'export-pdf': 'src/export/pdf/index.ts' },
  },
  // The conformance suite imports vitest, which is ESM only: this entry is too.
  { ...common, format: ['esm'], entry: { testing: 'src/testing/index.ts' }, external: ['vitest'] },
]);
