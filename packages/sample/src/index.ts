// Generated sample data for the demo, the bench and tests: realistic customers with planted problems.
export { generateSampleCustomers, type SampleData, type SampleOptions } from './generate-sample-customers.js';
export { sampleCustomerStream } from './sample-sequence.js';
export type { PlantedProblems, DuplicateVariant, NearDuplicateReason as PlantedNearDuplicateReason } from './planted-problems.js';
export type { SampleGarbleKind } from './garble.js';
export { sampleReportSource, sampleToCustomer } from './sample-report-sources.js';
export { shareCustomers, type ShareOptions } from './share-customers.js';
export { createRandom, type Random } from './random.js';
