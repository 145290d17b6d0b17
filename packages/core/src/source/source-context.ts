import type { RetryOptions } from './retry.js';
import type { SourceDriver } from './v1/source-driver.js';

/** What the modules behind `createCustomerSource` share: the driver, its fixed capabilities and how to retry. */
export interface SourceContext {
  driver: SourceDriver;
  capabilities: ReturnType<SourceDriver['describe']>;
  retryOptions: RetryOptions;
  /** Runs a driver call again when its connection is lost. */
  retry<T>(operation: () => Promise<T>): Promise<T>;
  /** The form a code is stored in by this driver (ALPHA padding, case). */
  stored(code: string): string;
}
