import type { RetryOptions } from './retry.js';
import type { SourceReader } from './v1/source-reader.js';

/** What the modules behind `createCustomerSource` share: the reader, its fixed capabilities and how to retry. */
export interface SourceContext {
  reader: SourceReader;
  capabilities: ReturnType<SourceReader['describe']>;
  retryOptions: RetryOptions;
  /** Runs a reader call again when its connection is lost. */
  retry<T>(operation: () => Promise<T>): Promise<T>;
  /** The form a code is stored in by this reader (ALPHA padding, case). */
  stored(code: string): string;
}
