export { createKingdeeSource } from './kingdee-source.js';
export { kingdeeOptionsSchema, kingdeeWebApiOptionsSchema, type KingdeeOptions, type KingdeeWebApiOptions } from './kingdee-options.js';
export { k3cloudCustomerMapping, K3CLOUD_DEFAULT_LOCALE, K3CLOUD_UNAUDITED_STATUSES } from './mappings/k3cloud-customer-mapping.js';
export { k3wiseOrganizationMapping } from './mappings/k3wise-organization-mapping.js';
export { kingdeeK3CloudDescriptor, kingdeeK3WiseDescriptor } from './kingdee-descriptors.js';
/** @deprecated Seeders live at `@custcode/adapter-kingdee/testing`; these root re-exports stay for existing imports. */
export { seedK3CloudDatabase, seedK3WiseDatabase, K3CLOUD_SEED_ORGS, K3CLOUD_ENGLISH_LOCALE, type K3CloudSeedOptions, type K3WiseSeedOptions } from './testing.js';
