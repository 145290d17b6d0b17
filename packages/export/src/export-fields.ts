import type { Customer, CustomerField } from '@custcode/core';
import { CUSTOMER_FIELDS } from '@custcode/core';
import { ConfigError } from '@custcode/core';

/** A column of an export: any Customer field except `raw`. */
export type ExportField = CustomerField;

/** Header language: `en` uses the field names, `zh` the names Chinese ERP users know. */
export type ExportHeaders = 'en' | 'zh';

/** Columns of a tabular export when none are chosen: everything a user reads, without `source` and `erp`. */
export const DEFAULT_EXPORT_FIELDS: readonly ExportField[] = CUSTOMER_FIELDS.filter((field) => field !== 'source' && field !== 'erp');

export const ZH_HEADERS: Readonly<Record<ExportField, string>> = {
  source: '数据源',
  erp: 'ERP',
  code: '客户编号',
  name: '客户名称',
  shortName: '简称',
  taxId: '税号',
  phone: '电话',
  contact: '联系人',
  address: '地址',
  category: '分类',
  region: '地区',
  status: '状态',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  org: '组织',
};

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

/** A field's value as text for a cell; absent values are empty. */
export function cellText(customer: Customer, field: ExportField): string {
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
export function cellReaders(fields: readonly ExportField[]): Array<(customer: Customer) => string> {
  if (fields.length === 0) throw new ConfigError({ message: 'No export fields given.', hint: `Choose from: ${CUSTOMER_FIELDS.join(', ')}.` });
  return fields.map((field) => {
    const read = Object.hasOwn(CELL_READERS, field) ? CELL_READERS[field] : undefined;
    if (read === undefined) throw new ConfigError({ message: `Unknown export field "${String(field)}".`, hint: `Choose from: ${CUSTOMER_FIELDS.join(', ')}.` });
    return read;
  });
}
