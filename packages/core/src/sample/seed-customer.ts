import type { CustomerStatus } from '../customer/customer-schema.js';

/**
 * A customer as seeders receive it: ERP-neutral, before it is written into an ERP's own table layout.
 * The canonical conformance data set and the demo's sample data are both lists of these.
 */
export interface SeedCustomer {
  /** As stored in the ERP. May be '' in sample data with planted problems (a missing code). */
  code: string;
  name: string;
  shortName?: string;
  taxId?: string;
  phone?: string;
  contact?: string;
  address?: string;
  /** Class code and name (U8 CustomerClass, Kingdee group, SAP account group, EBS class code). */
  category?: { code: string; name: string };
  /** Region code and name (U8 DistrictClass, SAP REGIO, Kingdee FPROVINCIAL). */
  region?: { code: string; name: string };
  status: CustomerStatus;
  /** ISO local date-time `YYYY-MM-DDTHH:mm:ss`. */
  createdAt?: string;
  updatedAt?: string;
  /** Abstract org key (`ORG1`, `ORG2`, `ORG3`); each seeder maps it to its ERP's org ids. */
  org?: string;
  /** Further orgs the customer is distributed to (K/3 Cloud use-orgs, SAP company codes, EBS sites). */
  alsoIn?: string[];
}
