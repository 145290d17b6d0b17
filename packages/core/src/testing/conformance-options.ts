import type { Customer } from '../customer/customer-schema.js';
import type { CustomerSource } from '../source/v1/customer-source.js';
import type { SourceDescription } from '../source/v1/source-description.js';

/** The password every adapter's error cases use, so the suite can check that no message leaks it. */
export const CONFORMANCE_PASSWORD = 'S3cr3t-pw';

export interface ConformanceSetup {
  source: CustomerSource;
  /** The records the source must return, computed by the seeder (see `projectSeedCustomer`), in any order. */
  expected: Customer[];
  teardown?(): Promise<void>;
}

export interface ConformanceOptions {
  /** Suite title, e.g. `yonyou-u8 on mariadb`. */
  name: string;
  /** When set, the suite is registered as skipped and this reason is printed. */
  unavailable?: string;
  /** Seeds a backend and opens the source under test; runs once in `beforeAll`. */
  setup(): Promise<ConformanceSetup>;
  /** Each must reject: bad credentials → ConnectionError `authentication`, unreachable → `unreachable`, missing driver → MissingDriverError. Use the password `S3cr3t-pw`. */
  errorCases?: {
    badCredentials?(): Promise<unknown>;
    unreachable?(): Promise<unknown>;
    missingDriver?(): Promise<unknown>;
  };
  /** Tries a write through the adapter's lowest layer (executor/RFC client); must reject with READ_ONLY_VIOLATION. */
  readOnly?(): Promise<unknown>;
  /** Adapter-specific tests registered inside the suite's describe block. */
  additionalTests?(context: { source(): CustomerSource; expected(): Customer[] }): void;
}

/** What each group of cases reads; valid once `setup` has run. */
export interface ConformanceContext {
  source(): CustomerSource;
  expected(): Customer[];
  description(): SourceDescription;
  /** `expected` ordered by (stored code, org) in binary string order: the order of `search`. */
  ordered(): Customer[];
}
