import { alphaOutput, type Customer } from '@custcode/core';
import { combineStatus, kna1Address, kna1Status } from '../mappings/kna1-mapping.js';
import { decodeODataDate, decodeODataTime } from './odata-date.js';
import { expanded, type ODataEntity, type ODataOrgLevel } from './odata-entities.js';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const present = (value: unknown) => text(value) || undefined;
const flag = (value: unknown) => (value === true ? 'X' : '');

/** The address that counts: the lowest AddressID (the standard address of a customer created through CVI). */
function mainAddress(partner: ODataEntity | undefined): ODataEntity | undefined {
  return expanded(partner, 'to_BusinessPartnerAddress').sort((a, b) => (text(a.AddressID) < text(b.AddressID) ? -1 : 1))[0];
}

/** The default phone number of an address, else its first by OrdinalNumber; `number-extension` like KNA1-TELF1. */
function mainPhone(address: ODataEntity | undefined): string | undefined {
  const phones = expanded(address, 'to_PhoneNumber').sort((a, b) => (text(a.OrdinalNumber) < text(b.OrdinalNumber) ? -1 : 1));
  const phone = phones.find((entry) => entry.IsDefaultPhoneNumber === true) ?? phones[0];
  if (!phone) return undefined;
  const extension = text(phone.PhoneNumberExtension);
  return present(extension ? `${text(phone.PhoneNumber)}-${extension}` : phone.PhoneNumber);
}

export interface ODataMappingOptions {
  source: string;
  categoryProperty: string;
  timeZone: string;
}

/** Plain properties of an entity for `raw` (no `__metadata`, no navigations), keys prefixed for the non-driving entities. */
function rawOf(entity: ODataEntity | undefined, prefix = ''): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity ?? {})) if (key !== '__metadata' && !key.startsWith('to_')) raw[`${prefix}${key}`] = value;
  return raw;
}

/**
 * An A_Customer with its A_BusinessPartner as the same `Customer` the RFC path builds from KNA1: the
 * address and status go through the KNA1 mapping (STRAS = street + house number), so both transports agree.
 */
export function odataToCustomer(customer: ODataEntity, partner: ODataEntity | undefined, options: ODataMappingOptions): Customer {
  const address = mainAddress(partner);
  const phone = mainPhone(address);
  const street = [text(address?.StreetName), text(address?.HouseNumber)].filter((part) => part !== '').join(' ');
  const changedOn = decodeODataDate(partner?.LastChangeDate, options.timeZone);
  const changedAt = changedOn && `${changedOn.slice(0, 10)}T${decodeODataTime(partner?.LastChangeTime) ?? '00:00:00'}`;
  const record: Customer = {
    source: options.source,
    erp: 'sap',
    code: alphaOutput(text(customer.Customer)),
    name: text(customer.CustomerFullName) || text(customer.CustomerName),
    shortName: present(partner?.SearchTerm1),
    taxId: present(customer.TaxNumber1) ?? present(customer.VATRegistration),
    phone,
    address: kna1Address({ STRAS: street, PSTLZ: text(address?.PostalCode), ORT01: text(address?.CityName) }),
    // The service has no texts for account groups or regions: the codes are reported (as RFC with texts: false).
    category: present(customer[options.categoryProperty]),
    region: present(address?.Region),
    status: kna1Status({ LOEVM: flag(customer.DeletionIndicator), SPERR: flag(customer.PostingIsBlocked), AUFSD: text(customer.OrderIsBlockedForCustomer) }),
    createdAt: decodeODataDate(customer.CreationDate, options.timeZone),
    updatedAt: changedAt,
    raw: {
      ...rawOf(customer),
      ...rawOf(partner, 'A_BusinessPartner-'),
      ...rawOf(address, 'A_BusinessPartnerAddress-'),
      ...(phone === undefined ? {} : { 'A_AddressPhoneNumber-PhoneNumber': phone }),
    },
  };
  for (const key of Object.keys(record) as Array<keyof Customer>) if (record[key] === undefined) delete record[key];
  return record;
}

/** The record of one org: org string, the stricter of central and org-level status, the org entity in `raw`. */
export function withOrg(record: Customer, orgEntity: ODataEntity, level: ODataOrgLevel): Customer {
  return {
    ...record,
    org: level.orgOf(orgEntity),
    status: combineStatus(record.status, level.status(orgEntity)),
    raw: { ...record.raw, ...rawOf(orgEntity, `${level.entitySet}-`) },
  };
}
