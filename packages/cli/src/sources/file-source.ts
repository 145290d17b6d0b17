import { existsSync } from 'node:fs';
import { ConfigError, type Customer, type CustomerSource, type CustomerStatus, createMemorySource, CUSTOMER_FIELDS } from '@custcode/core';
import { toIsoDateTime } from '@custcode/core/adapter';
import { didYouMean } from '../config/nearest-key.js';
import { type FileRow, readTableFile } from './read-table-file.js';

export interface FileSourceOptions {
  name: string;
  /** Absolute path of a .csv or .xlsx file. */
  path: string;
  /** Customer field → column header, e.g. `{ "code": "客户编号", "name": "客户名称" }`. */
  columns: Record<string, string>;
  encoding?: 'utf8' | 'gbk' | 'gb18030';
  sheet?: string;
  statusValues?: Record<string, CustomerStatus>;
}

/** Words a status column commonly holds; anything else needs `statusValues`. */
const STATUS_WORDS: Record<string, CustomerStatus> = {
  active: 'active', blocked: 'blocked', deleted: 'deleted',
  正常: 'active', 启用: 'active', 有效: 'active', 是: 'active',
  冻结: 'blocked', 停用: 'blocked', 禁用: 'blocked', 锁定: 'blocked',
  删除: 'deleted', 已删除: 'deleted', 作废: 'deleted',
};

const MAPPABLE = CUSTOMER_FIELDS.filter((field) => field !== 'source' && field !== 'erp');

/**
 * A CSV or XLSX file as a read-only source: read once into memory, then searched like any other. Every data
 * row is a record, in file order within one code; `get` cannot find a row without a code.
 */
export async function createFileSource(options: FileSourceOptions): Promise<CustomerSource> {
  for (const field of Object.keys(options.columns)) {
    if (!(MAPPABLE as readonly string[]).includes(field)) {
      throw new ConfigError({ message: `sources.${options.name}.columns: unknown field "${field}".${didYouMean(field, MAPPABLE)}`, hint: `Fields: ${MAPPABLE.join(', ')}.` });
    }
  }
  for (const required of ['code', 'name']) {
    if (!options.columns[required]) {
      throw new ConfigError({ message: `sources.${options.name}.columns: missing "${required}".`, hint: 'Map at least code and name to column headers of the file.' });
    }
  }
  if (!existsSync(options.path)) {
    throw new ConfigError({ message: `sources.${options.name}.path: file not found: ${options.path}.`, hint: 'The path is relative to the config file.' });
  }
  const statusWords = { ...STATUS_WORDS, ...options.statusValues };
  const customers: Customer[] = [];
  let line = 1;
  for await (const row of readTableFile(options.path, options)) {
    line += 1;
    if (line === 2) checkHeaders(row, options);
    const customer = toCustomer(row, options, statusWords, line);
    if (customer) customers.push(customer);
  }
  // Each mapped header carries its field (raw holds every column of the row under its header).
  const rawColumns = Object.fromEntries(Object.entries(options.columns).map(([field, header]) => [field, [header]]));
  return createMemorySource({ name: options.name, erp: 'file', customers, rawColumns });
}

function checkHeaders(row: FileRow, options: FileSourceOptions): void {
  const headers = Object.keys(row);
  for (const [field, column] of Object.entries(options.columns)) {
    if (!headers.includes(column)) {
      throw new ConfigError({
        message: `sources.${options.name}.columns.${field}: the file has no column "${column}".${didYouMean(column, headers)}`,
        hint: `Columns in ${options.path}: ${headers.join(', ')}.`,
      });
    }
  }
}

function text(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  const result = value instanceof Date ? toIsoDateTime(value) : value.trim();
  return result === '' ? undefined : result;
}

function toCustomer(row: FileRow, options: FileSourceOptions, statusWords: Record<string, CustomerStatus>, line: number): Customer | undefined {
  const value = (field: string) => (options.columns[field] === undefined ? undefined : text(row[options.columns[field]!]));
  // Blank rows (`,,,` at the end of an exported sheet) hold no customer; a row without a code does, and the
  // file is its only copy: it is returned with code '' so that search, export and audit see it.
  if (Object.values(row).every((cell) => text(cell) === undefined)) return undefined;
  const code = value('code') ?? '';
  const statusText = value('status');
  const status = statusText === undefined ? 'active' : statusWords[statusText] ?? statusWords[statusText.toLowerCase()];
  if (!status) {
    throw new ConfigError({
      message: `${options.path}, row ${line}: unknown status "${statusText}".`,
      hint: `Map it in the source's "statusValues", e.g. { "${statusText}": "blocked" }.`,
    });
  }
  const customer: Record<string, unknown> = { source: options.name, erp: 'file', code, name: value('name') ?? '', status };
  for (const field of ['shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'org'] as const) {
    const fieldValue = value(field);
    if (fieldValue !== undefined) customer[field] = fieldValue;
  }
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const column = options.columns[field];
    const date = column === undefined ? undefined : toIsoDateTime(row[column]);
    if (date !== undefined) customer[field] = date;
  }
  customer.raw = Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, cell instanceof Date ? toIsoDateTime(cell) : cell ?? null]));
  return customer as Customer;
}
