import { importOptional } from '@custcode/core/adapter';
import type { ExecutorOptions } from '../executor/sql-executor.js';
import { injectedDriver } from './injected-driver.js';

/**
 * A dialect's driver package: through the caller's `importDriver` when given (tests, bundlers),
 * otherwise imported on first use and cached. `importer` stays a literal `() => import('pkg')` in
 * each dialect so bundlers see it.
 */
export function loadDriverPackage<T>(packageName: string, purpose: string, options: ExecutorOptions, importer: () => Promise<unknown>): Promise<T> {
  return options.importDriver
    ? injectedDriver<T>(packageName, options.importDriver, purpose)
    : importOptional<T>(packageName, importer as () => Promise<T>, purpose);
}
