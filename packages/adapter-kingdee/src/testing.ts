// Fixtures for tests and the demo: K/3 Cloud and K/3 WISE tables in their real layout (not the runtime entry).
export { seedK3CloudDatabase } from './seed/seed-k3cloud.js';
export { seedK3WiseDatabase } from './seed/seed-k3wise.js';
export { K3CLOUD_SEED_ORGS, K3CLOUD_ENGLISH_LOCALE, type K3CloudSeedOptions } from './seed/k3cloud-tables.js';
export type { K3WiseSeedOptions } from './seed/k3wise-tables.js';
