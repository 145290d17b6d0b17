import type { QueryField } from '@custcode/core/adapter';
import type { CustomerStatus } from '@custcode/core';
import { knb1Mapping } from '../mappings/knb1-mapping.js';
import { knvvMapping } from '../mappings/knvv-mapping.js';

/** The API_BUSINESS_PARTNER entity sets and properties custcode reads ($select lists exactly these). */

/** One entity of a V2 JSON answer: properties, `__metadata`, and expanded navigations as `{ results: [...] }`. */
export type ODataEntity = Record<string, unknown>;

export const A_CUSTOMER = 'A_Customer';
export const A_BUSINESS_PARTNER = 'A_BusinessPartner';
export const A_CUSTOMER_COMPANY = 'A_CustomerCompany';
export const A_CUSTOMER_SALES_AREA = 'A_CustomerSalesArea';

/** A_Customer (KNA1): what the mapping uses, plus the other tax numbers and flags for `raw`. */
export function customerSelect(categoryProperty: string): string[] {
  return [
    ...new Set([
      'Customer',
      'CustomerName',
      'CustomerFullName',
      categoryProperty,
      'CreationDate',
      'DeletionIndicator',
      'PostingIsBlocked',
      'OrderIsBlockedForCustomer',
      'DeliveryIsBlocked',
      'BillingIsBlockedForCustomer',
      'TaxNumber1',
      'TaxNumber2',
      'TaxNumber3',
      'TaxNumber4',
      'TaxNumber5',
      'VATRegistration',
      'AuthorizationGroup',
    ]),
  ];
}

/** A_BusinessPartner with its addresses and their phone numbers (short name, address, region, phone, change date). */
export const PARTNER_SELECT = [
  'BusinessPartner',
  'Customer',
  'SearchTerm1',
  'LastChangeDate',
  'LastChangeTime',
  'BusinessPartnerIsBlocked',
  'to_BusinessPartnerAddress/AddressID',
  'to_BusinessPartnerAddress/StreetName',
  'to_BusinessPartnerAddress/HouseNumber',
  'to_BusinessPartnerAddress/PostalCode',
  'to_BusinessPartnerAddress/CityName',
  'to_BusinessPartnerAddress/Region',
  'to_BusinessPartnerAddress/Country',
  'to_BusinessPartnerAddress/to_PhoneNumber/OrdinalNumber',
  'to_BusinessPartnerAddress/to_PhoneNumber/PhoneNumber',
  'to_BusinessPartnerAddress/to_PhoneNumber/PhoneNumberExtension',
  'to_BusinessPartnerAddress/to_PhoneNumber/IsDefaultPhoneNumber',
];
export const PARTNER_EXPAND = ['to_BusinessPartnerAddress', 'to_BusinessPartnerAddress/to_PhoneNumber'];

/** The org level of an org scope: entity set, key properties, the `Customer.org` string and the status flags. */
export interface ODataOrgLevel {
  entitySet: typeof A_CUSTOMER_COMPANY | typeof A_CUSTOMER_SALES_AREA;
  scope: 'company-code' | 'sales-area';
  keys: string[];
  select: string[];
  /** The KNB1/KNVV-shaped flags the RFC mapping judges status by (so both transports judge alike). */
  flags(entity: ODataEntity): Record<string, string>;
  /** Status from the org-level flags alone, judged by the RFC path's KNB1/KNVV rule. */
  status(entity: ODataEntity): CustomerStatus;
  /** What `get(code)` without an org returns (as on the RFC path). */
  withoutOrg: string;
  orgOf(entity: ODataEntity): string;
  /** Key values of an org string, or undefined when `org` is not of this form (nothing matches). */
  orgKeys(org: string): Record<string, string> | undefined;
}

const flag = (value: unknown) => (value === true || (typeof value === 'string' && value.trim() !== '') ? 'X' : '');
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export const companyCodeLevel: ODataOrgLevel = {
  entitySet: A_CUSTOMER_COMPANY,
  scope: 'company-code',
  keys: ['Customer', 'CompanyCode'],
  select: ['Customer', 'CompanyCode', 'DeletionIndicator', 'PostingIsBlocked'],
  flags: (entity) => ({ LOEVM: flag(entity.DeletionIndicator), SPERR: flag(entity.PostingIsBlocked) }),
  status: (entity) => knb1Mapping.status(companyCodeLevel.flags(entity)),
  withoutOrg: knb1Mapping.withoutOrg.replace('(BUKRS)', '(CompanyCode)'),
  orgOf: (entity) => text(entity.CompanyCode),
  orgKeys: (org) => (/^[A-Za-z0-9]{1,4}$/.test(org) ? { CompanyCode: org } : undefined),
};

export const salesAreaLevel: ODataOrgLevel = {
  entitySet: A_CUSTOMER_SALES_AREA,
  scope: 'sales-area',
  keys: ['Customer', 'SalesOrganization', 'DistributionChannel', 'Division'],
  select: ['Customer', 'SalesOrganization', 'DistributionChannel', 'Division', 'DeletionIndicator', 'OrderIsBlockedForCustomer'],
  flags: (entity) => ({ LOEVM: flag(entity.DeletionIndicator), AUFSD: text(entity.OrderIsBlockedForCustomer) }),
  status: (entity) => knvvMapping.status(salesAreaLevel.flags(entity)),
  withoutOrg: knvvMapping.withoutOrg.replace('(VKORG/VTWEG/SPART)', '(SalesOrganization/DistributionChannel/Division)'),
  orgOf: (entity) => [entity.SalesOrganization, entity.DistributionChannel, entity.Division].map(text).join('/'),
  orgKeys: (org) => {
    const match = /^([A-Za-z0-9]{1,4})\/([A-Za-z0-9]{1,2})\/([A-Za-z0-9]{1,2})$/.exec(org);
    return match ? { SalesOrganization: match[1]!, DistributionChannel: match[2]!, Division: match[3]! } : undefined;
  },
};

export const odataOrgLevelOf = (orgScope: 'none' | 'company-code' | 'sales-area') =>
  orgScope === 'company-code' ? companyCodeLevel : orgScope === 'sales-area' ? salesAreaLevel : undefined;

/** The KUKLA/KTOKD setting as the A_Customer property that carries it. */
export const categoryPropertyOf = (categoryField: 'KTOKD' | 'KUKLA') => (categoryField === 'KTOKD' ? 'CustomerAccountGroup' : 'CustomerClassification');

/** The entities of a V2 collection answer (`d.results`, or `d` as an array in old services). */
export function resultsOf(body: unknown): { results: ODataEntity[]; next?: string; count?: number } {
  const d = (body as { d?: unknown } | undefined)?.d as { results?: unknown; __next?: unknown; __count?: unknown } | unknown[] | undefined;
  const results = Array.isArray(d) ? d : Array.isArray(d?.results) ? d.results : undefined;
  if (!results) throw new TypeError('not an OData V2 collection (no d.results)');
  const next = !Array.isArray(d) && typeof d?.__next === 'string' ? d.__next : undefined;
  const count = !Array.isArray(d) && d?.__count !== undefined ? Number(d.__count) : undefined;
  return { results: results as ODataEntity[], ...(next ? { next } : {}), ...(count !== undefined && Number.isFinite(count) ? { count } : {}) };
}

/** An expanded navigation (`{ results: [...] }`), or [] when absent. */
export const expanded = (entity: ODataEntity | undefined, navigation: string): ODataEntity[] => {
  const value = entity?.[navigation] as { results?: unknown } | unknown[] | undefined;
  return Array.isArray(value) ? (value as ODataEntity[]) : Array.isArray(value?.results) ? (value.results as ODataEntity[]) : [];
};

/** The A_Customer properties odataToCustomer builds each field from (A_BusinessPartner carries the rest). */
const CUSTOMER_PROPERTIES: Partial<Record<QueryField, readonly string[]>> = {
  code: ['Customer'],
  name: ['CustomerName', 'CustomerFullName'],
  taxId: ['TaxNumber1', 'VATRegistration'],
  status: ['DeletionIndicator', 'PostingIsBlocked', 'OrderIsBlockedForCustomer'],
  createdAt: ['CreationDate'],
};

const ADDRESS = 'to_BusinessPartnerAddress';
const PHONE = `${ADDRESS}/to_PhoneNumber`;

/** The A_BusinessPartner paths each field is built from (the main address is the lowest AddressID). */
const PARTNER_PROPERTIES: Partial<Record<QueryField, readonly string[]>> = {
  shortName: ['SearchTerm1'],
  updatedAt: ['LastChangeDate', 'LastChangeTime'],
  address: [`${ADDRESS}/AddressID`, `${ADDRESS}/StreetName`, `${ADDRESS}/HouseNumber`, `${ADDRESS}/PostalCode`, `${ADDRESS}/CityName`],
  region: [`${ADDRESS}/AddressID`, `${ADDRESS}/Region`],
  phone: [`${ADDRESS}/AddressID`, `${PHONE}/OrdinalNumber`, `${PHONE}/PhoneNumber`, `${PHONE}/PhoneNumberExtension`, `${PHONE}/IsDefaultPhoneNumber`],
};

/** What one read of customers asks the service for. */
export interface ODataReadPlan {
  customer: string[];
  /** Undefined: no asked field comes from A_BusinessPartner, which is then not read at all. */
  partner: { select: string[]; expand: string[] } | undefined;
  /** The org entity set's properties: its keys at least (org is an identity field, each org row a record). */
  org: string[];
}

/**
 * The $select lists for `needed` (the fields the records must carry, the filter's included; `undefined`:
 * every field). `raw` reads everything, as an unprojected read does.
 */
export function odataReadPlan(categoryProperty: string, orgLevel: ODataOrgLevel | undefined, needed: ReadonlySet<QueryField> | undefined): ODataReadPlan {
  const customer = customerSelect(categoryProperty);
  if (needed === undefined || needed.has('raw')) return { customer, partner: { select: PARTNER_SELECT, expand: PARTNER_EXPAND }, org: orgLevel?.select ?? [] };
  const customerProperties = new Set<string>(['Customer']);
  const partnerProperties = new Set<string>();
  for (const field of needed) {
    for (const property of CUSTOMER_PROPERTIES[field] ?? []) customerProperties.add(property);
    for (const property of PARTNER_PROPERTIES[field] ?? []) partnerProperties.add(property);
  }
  if (needed.has('category')) customerProperties.add(categoryProperty);
  const partnerSelect = PARTNER_SELECT.filter((property) => property === 'BusinessPartner' || property === 'Customer' || partnerProperties.has(property));
  const expand = PARTNER_EXPAND.filter((navigation) => partnerSelect.some((property) => property.startsWith(`${navigation}/`) && !property.slice(navigation.length + 1).includes('/')));
  return {
    customer: customer.filter((property) => customerProperties.has(property)),
    partner: partnerProperties.size === 0 ? undefined : { select: partnerSelect, expand },
    org: orgLevel ? orgLevel.select.filter((property) => orgLevel.keys.includes(property) || needed.has('status')) : [],
  };
}
