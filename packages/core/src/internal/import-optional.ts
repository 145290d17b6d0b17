import { MissingDriverError } from '../errors/missing-driver-error.js';

const cache = new Map<string, Promise<unknown>>();

export interface ImportOptionalOptions {
  /**
   * Replaces `importer` (tests, bundlers: a SQL source's `importDriver`). Nothing is cached then, so an
   * injected failure is seen even when the real package was loaded before.
   */
  injected?: () => Promise<unknown>;
}

/**
 * Loads an optional peer dependency (a database driver package, node-rfc) on first use, or through the
 * caller's injected importer. `importer` must be a literal `() => import('pkg')` so bundlers see it; what
 * it loads is cached per package. A failure is a MissingDriverError naming the package to install, with the
 * original error as `cause`.
 */
export function importOptional<T>(packageName: string, importer: () => Promise<T>, purpose: string, options: ImportOptionalOptions = {}): Promise<T> {
  if (options.injected) return load(packageName, options.injected as () => Promise<T>, purpose);
  let pending = cache.get(packageName) as Promise<T> | undefined;
  if (!pending) {
    pending = load(packageName, importer, purpose);
    // A failure is not kept: the next call imports again (after the package was installed, say).
    pending.catch(() => cache.delete(packageName));
    cache.set(packageName, pending);
  }
  return pending;
}

function load<T>(packageName: string, importer: () => Promise<T>, purpose: string): Promise<T> {
  return importer().then(
    (module) => unwrapDefault(module),
    (error: unknown) => {
      const notInstalled = isModuleNotFound(error);
      throw new MissingDriverError({
        packageName,
        message: notInstalled
          ? `${purpose} needs the optional package "${packageName}", which is not installed.`
          : `${purpose} needs the optional package "${packageName}", which is installed but failed to load: ${(error as Error).message?.split('\n')[0] ?? String(error)}`,
        hint: notInstalled
          ? `Install it next to custcode: npm install ${packageName}`
          : `Reinstall "${packageName}" for this Node version, or pass an already-created client/pool instead.`,
        cause: error,
      });
    },
  );
}

/** CommonJS packages imported from ESM arrive as `{ default: module }`. */
function unwrapDefault<T>(module: T): T {
  const candidate = module as { default?: unknown };
  if (candidate && typeof candidate === 'object' && candidate.default && Object.keys(candidate).length <= 2) {
    return candidate.default as T;
  }
  return module;
}

/**
 * Whether an import failed because the package is not installed (rather than installed but broken).
 * Node says MODULE_NOT_FOUND; bundlers and vite's loader say "Cannot find module" / "Could not resolve" without a code.
 */
export function isModuleNotFound(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return true;
  return code === undefined && /cannot find (module|package)|could not resolve/i.test(message ?? '');
}
