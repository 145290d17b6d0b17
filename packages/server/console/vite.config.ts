import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console's static files, built into the package's dist/console (served by the server, no CDN).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // No inline polyfill script: the page's CSP runs scripts from files only.
    modulePreload: { polyfill: false },
    target: 'es2022',
    assetsInlineLimit: 0,
  },
});
