import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The console as built by vite (`npm run build`): its page and its hashed script and style files. */
export interface ConsoleAssets {
  html: string;
  /** File name under /console/assets/ → its bytes and content type. */
  files: Map<string, { body: Uint8Array; type: string }>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Where the build puts the console: beside the built entry (dist/console), or from the sources, the package's dist. */
export function consoleDirectory(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSources ? '../../dist/console/' : './console/', import.meta.url));
}

/** Reads the built console once; undefined when it was not built (the server then says how to build it). */
export function loadConsoleAssets(directory = consoleDirectory()): ConsoleAssets | undefined {
  const page = join(directory, 'index.html');
  if (!existsSync(page)) return undefined;
  const files = new Map<string, { body: Uint8Array; type: string }>();
  const assets = join(directory, 'assets');
  for (const name of existsSync(assets) ? readdirSync(assets) : []) {
    const type = TYPES[extname(name)];
    if (type) files.set(name, { body: readFileSync(join(assets, name)), type });
  }
  return { html: readFileSync(page, 'utf8'), files };
}
