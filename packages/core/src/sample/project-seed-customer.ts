import { alphaOutput } from '../code/normalize-code.js';
import type { Customer, CustomerField } from '../customer/customer-schema.js';
import type { ErpKind } from '../customer/erp-kind.js';
import type { SeedCustomer } from './seed-customer.js';

export interface ProjectSeedOptions {
  /** The source name the adapter under test is configured with. */
  source: string;
  erp: ErpKind;
  /** This row's org as the adapter reports it (the seeder's mapping of `ORG1`… to ERP org ids); omit when unscoped. */
  org?: string;
  /** The adapter's `describe().fields`: only these fields are filled. */
  fields: readonly CustomerField[];
  /** How the ERP stores codes; default `sap-alpha` for `erp: 'sap'`, else `as-is`. `code` is given in the user's (output) form. */
  codeForm?: 'as-is' | 'sap-alpha';
  /** `day` when the ERP keeps dates without a time (SAP DATS): times become `00:00:00`. */
  datePrecision?: 'second' | 'day';
}

const toDay = (value: string) => `${value.slice(0, 10)}T00:00:00`;

/**
 * The `Customer` an adapter must return for a seeded customer: the one place that decides how a
 * `SeedCustomer` looks through the contract (category and region → their names; code in ALPHA output
 * form for SAP; fields outside `fields` absent; `raw` empty, since the suite never compares it).
 */
export function projectSeedCustomer(seed: SeedCustomer, options: ProjectSeedOptions): Customer {
  const codeForm = options.codeForm ?? (options.erp === 'sap' ? 'sap-alpha' : 'as-is');
  const fields = new Set<CustomerField>(options.fields);
  const date = (value: string | undefined) =>
    value === undefined ? undefined : options.datePrecision === 'day' ? toDay(value) : value;
  const optional: Partial<Record<CustomerField, string | undefined>> = {
    shortName: seed.shortName,
    taxId: seed.taxId,
    phone: seed.phone,
    contact: seed.contact,
    address: seed.address,
    category: seed.category?.name,
    region: seed.region?.name,
    createdAt: date(seed.createdAt),
    updatedAt: date(seed.updatedAt),
    org: options.org,
  };
  const customer: Customer = {
    source: options.source,
    erp: options.erp,
    code: codeForm === 'sap-alpha' ? alphaOutput(seed.code) : seed.code,
    name: seed.name,
    status: seed.status,
    raw: {},
  };
  for (const [field, value] of Object.entries(optional) as Array<[CustomerField, string | undefined]>) {
    if (value !== undefined && fields.has(field)) (customer as Record<string, unknown>)[field] = value;
  }
  return customer;
}

/** Every org a seed customer belongs to: its own org first, then `alsoIn`. */
export function seedOrgs(seed: SeedCustomer): string[] {
  return seed.org === undefined ? [...(seed.alsoIn ?? [])] : [seed.org, ...(seed.alsoIn ?? []).filter((org) => org !== seed.org)];
}
