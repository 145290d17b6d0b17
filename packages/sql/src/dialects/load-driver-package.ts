import { importOptional } from '@custcode/core/adapter';
import type { ExecutorOptions } from '../executor/sql-executor.js';

/**
 * A dialect's driver package: through the caller's `importDriver` when given (tests, bundlers; not
 * cached), otherwise imported on first use and cached — both by core's importOptional. `importer` stays
 * a literal `() => import('pkg')` in each dialect so bundlers see it.
 */
export function loadDriverPackage<T>(packageName: string, purpose: string, options: ExecutorOptions, importer: () => Promise<unknown>): Promise<T> {
  return importOptional<T>(packageName, importer as () => Promise<T>, purpose, options.importDriver ? { injected: options.importDriver } : {});
}
