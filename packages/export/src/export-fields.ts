import type { Customer, CustomerField } from '@custcode/core';
import { CUSTOMER_FIELDS } from '@custcode/core';
import { ConfigError } from '@custcode/core';
import { fieldLabel, statusTerm } from '@custcode/core/messages';

/** A column of an export: any Customer field except `raw`. */
export type ExportField = CustomerField;

/** Header language: `en` uses the field names, `zh` the names Chinese ERP users know. */
export type ExportHeaders = 'en' | 'zh';

/** Columns of a tabular export when none are chosen: everything a user reads, without `source` and `erp`. */
export const DEFAULT_EXPORT_FIELDS: readonly ExportField[] = CUSTOMER_FIELDS.filter((field) => field !== 'source' && field !== 'erp');

/** Chinese column headers: the catalogue's field labels. */
export const ZH_HEADERS: Readonly<Record<ExportField, string>> = Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, fieldLabel('zh-CN', field)])) as Record<ExportField, string>;

/** Common options of every export writer. */
export interface ExportOptions {
  /** Columns, in order. Tabular formats default to DEFAULT_EXPORT_FIELDS; JSON formats to the whole record. */
  fields?: readonly ExportField[];
  headers?: ExportHeaders;
  /** Called after each written row with the running total (progress display). */
  onRow?: (rows: number) => void;
}

export function headerOf(field: ExportField, headers: ExportHeaders = 'en'): string {
  return headers === 'zh' ? ZH_HEADERS[field] : field;
}

/**
 * A field's value as text for a cell; absent values are empty. With Chinese headers the status reads in
 * Chinese too (停用, not `blocked`): a sheet with 状态 over English values is half translated.
 */
export function cellText(customer: Customer, field: ExportField, headers: ExportHeaders = 'en'): string {
  if (field === 'status' && headers === 'zh') return statusTerm('zh-CN', customer.status);
  return customer[field] ?? '';
}

/**
 * One reader per field, each reading a fixed property: a writer that picks its readers once reads a
 * million rows without a lookup by field name per cell.
 */
export const CELL_READERS: Readonly<Record<ExportField, (customer: Customer) => string>> = {
  source: (customer) => customer.source,
  erp: (customer) => customer.erp,
  code: (customer) => customer.code,
  name: (customer) => customer.name,
  shortName: (customer) => customer.shortName ?? '',
  taxId: (customer) => customer.taxId ?? '',
  phone: (customer) => customer.phone ?? '',
  contact: (customer) => customer.contact ?? '',
  address: (customer) => customer.address ?? '',
  category: (customer) => customer.category ?? '',
  region: (customer) => customer.region ?? '',
  status: (customer) => customer.status,
  createdAt: (customer) => customer.createdAt ?? '',
  updatedAt: (customer) => customer.updatedAt ?? '',
  org: (customer) => customer.org ?? '',
};

/** Parses `code,name,phone` into fields; an unknown name is a ConfigError naming the valid ones. */
export function parseExportFields(list: string | readonly string[]): ExportField[] {
  const names = (typeof list === 'string' ? list.split(',') : list).map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) {
    throw new ConfigError({ message: 'No export fields given.', hint: `Choose from: ${CUSTOMER_FIELDS.join(', ')}.` });
  }
  const byZh = new Map(Object.entries(ZH_HEADERS).map(([field, header]) => [header, field as ExportField]));
  return names.map((name) => {
    if ((CUSTOMER_FIELDS as readonly string[]).includes(name)) return name as ExportField;
    const fromZh = byZh.get(name);
    if (fromZh) return fromZh;
    throw new ConfigError({
      message: `Unknown export field "${name}".`,
      hint: `Choose from: ${CUSTOMER_FIELDS.join(', ')} (or their Chinese headers).`,
    });
  });
}

/** The record with only the chosen fields (absent values left out, as in Customer). */
export function pickFields(customer: Customer, fields: readonly ExportField[]): Partial<Customer> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (customer[field] !== undefined) picked[field] = customer[field];
  return picked as Partial<Customer>;
}

/** The readers of the chosen columns; none, or a name that is not a field, is a ConfigError. */
export function cellReaders(fields: readonly ExportField[], headers: ExportHeaders = 'en'): Array<(customer: Customer) => string> {
  if (fields.length === 0) throw new ConfigError({ message: 'No export fields given.', hint: `Choose from: ${CUSTOMER_FIELDS.join(', ')}.` });
  return fields.map((field) => {
    const read = Object.hasOwn(CELL_READERS, field) ? CELL_READERS[field] : undefined;
    if (read === undefined) throw new ConfigError({ message: `Unknown export field "${String(field)}".`, hint: `Choose from: ${CUSTOMER_FIELDS.join(', ')}.` });
    return field === 'status' && headers === 'zh' ? readZhStatus : read;
  });
}

const readZhStatus = (customer: Customer): string => statusTerm('zh-CN', customer.status);
