// The conformance suite: runs inside vitest (uses the worker's API; the entry itself loads without vitest).
export { testCustomerSource } from './test-customer-source.js';
export { CONFORMANCE_PASSWORD, type ConformanceContext, type ConformanceOptions, type ConformanceSetup } from './conformance-options.js';
export { HOSTILE_STRINGS, orderCustomers, toFullWidth } from './expectations.js';

// The fixtures, also at @custcode/core/fixtures (which loads without vitest).
export * from '../fixtures.js';
