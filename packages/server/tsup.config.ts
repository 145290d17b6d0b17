import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // zod comes with @custcode/core (same copy, so z.toJSONSchema sees the same schemas); it should also be listed in package.json.
  external: ['zod'],
});
