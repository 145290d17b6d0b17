export { createKingdeeSource } from './kingdee-source.js';
export { kingdeeOptionsSchema, kingdeeWebApiOptionsSchema, type KingdeeOptions, type KingdeeWebApiOptions } from './kingdee-options.js';
export { k3cloudCustomerMapping, K3CLOUD_DEFAULT_LOCALE, K3CLOUD_UNAUDITED_STATUSES } from './mappings/k3cloud-customer-mapping.js';
export { k3wiseOrganizationMapping } from './mappings/k3wise-organization-mapping.js';
export { seedK3CloudDatabase } from './seed/seed-k3cloud.js';
export { seedK3WiseDatabase } from './seed/seed-k3wise.js';
export { K3CLOUD_SEED_ORGS, K3CLOUD_ENGLISH_LOCALE, type K3CloudSeedOptions } from './seed/k3cloud-tables.js';
export type { K3WiseSeedOptions } from './seed/k3wise-tables.js';
