import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run against the TypeScript sources; the built packages are checked separately (test/exports).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@custcode\/core\/testing$/, replacement: src('core/src/testing/index.ts') },
      { find: /^@custcode\/core\/export\/xlsx$/, replacement: src('core/src/export/xlsx/index.ts') },
      { find: /^@custcode\/core\/export\/pdf$/, replacement: src('core/src/export/pdf/index.ts') },
      { find: /^@custcode\/core$/, replacement: src('core/src/index.ts') },
      { find: /^@custcode\/sql\/testing$/, replacement: src('sql/src/testing.ts') },
      { find: /^@custcode\/sql$/, replacement: src('sql/src/index.ts') },
      { find: /^@custcode\/adapter-sap\/emulator$/, replacement: src('adapter-sap/src/emulator/index.ts') },
      { find: /^@custcode\/adapter-sap\/testing$/, replacement: src('adapter-sap/src/testing.ts') },
      { find: /^@custcode\/adapter-sap$/, replacement: src('adapter-sap/src/index.ts') },
      { find: /^@custcode\/adapter-oracle\/testing$/, replacement: src('adapter-oracle/src/testing.ts') },
      { find: /^@custcode\/adapter-oracle$/, replacement: src('adapter-oracle/src/index.ts') },
      { find: /^@custcode\/adapter-yonyou\/testing$/, replacement: src('adapter-yonyou/src/testing.ts') },
      { find: /^@custcode\/adapter-yonyou$/, replacement: src('adapter-yonyou/src/index.ts') },
      { find: /^@custcode\/adapter-kingdee\/testing$/, replacement: src('adapter-kingdee/src/testing.ts') },
      { find: /^@custcode\/adapter-kingdee$/, replacement: src('adapter-kingdee/src/index.ts') },
      { find: /^@custcode\/server$/, replacement: src('server/src/index.ts') },
      { find: /^@custcode\/cli$/, replacement: src('cli/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
