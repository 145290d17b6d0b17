import { z } from 'zod';
import { ERP_KINDS } from './erp-kind.js';

export const CUSTOMER_STATUSES = ['active', 'blocked', 'deleted'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** Optional text fields of a customer, in display order. */
export const CUSTOMER_TEXT_FIELDS = [
  'shortName',
  'taxId',
  'phone',
  'contact',
  'address',
  'category',
  'region',
] as const;
export type CustomerTextField = (typeof CUSTOMER_TEXT_FIELDS)[number];

/** Every field of the Customer record except `raw`, in display order. */
export const CUSTOMER_FIELDS = [
  'source',
  'erp',
  'code',
  'name',
  ...CUSTOMER_TEXT_FIELDS,
  'status',
  'createdAt',
  'updatedAt',
  'org',
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** ISO 8601 date or date-time, with or without an offset (ERP datetimes are usually zone-less local times). */
const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    'expected an ISO 8601 date or date-time',
  );

const optionalText = z.string().optional();

export const customerSchema = z.object({
  source: z.string().min(1),
  erp: z.enum(ERP_KINDS),
  // May be '' when the ERP row has no code: sources return rows as stored, and the audit reports them.
  code: z.string(),
  name: z.string(),
  shortName: optionalText,
  taxId: optionalText,
  phone: optionalText,
  contact: optionalText,
  address: optionalText,
  category: optionalText,
  region: optionalText,
  status: z.enum(CUSTOMER_STATUSES),
  createdAt: isoDateTime.optional(),
  updatedAt: isoDateTime.optional(),
  org: z.string().optional(),
  raw: z.record(z.string(), z.unknown()),
});

/** One customer record, the same shape from every ERP. */
export type Customer = z.infer<typeof customerSchema>;
