import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Installed with @custcode/core; bundling exceljs breaks its CommonJS requires. (They belong in
  // this package's dependencies too, so that a strict installer provides them.)
  external: ['zod', 'csv-parse', 'exceljs', 'iconv-lite'],
});
