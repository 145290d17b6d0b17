import { createWriteStream } from 'node:fs';
import { type Customer } from '@custcode/core';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { writeCsv } from '@custcode/export';

/** Column headers of the fixture CSV, as a Chinese consultant's spreadsheet would have them. */
export const DEMO_CSV_COLUMNS = {
  code: '客户编号', name: '客户名称', shortName: '简称', taxId: '税号', phone: '电话', contact: '联系人',
  address: '地址', category: '分类', region: '地区', status: '状态', createdAt: '创建时间', updatedAt: '修改时间',
} as const;

/** The record a file source reads back for a row written from `customer`. */
function recordOf(customer: SeedCustomer, source: string): Customer {
  return {
    source, erp: 'file', code: customer.code, name: customer.name, status: customer.status, raw: {},
    ...(customer.shortName ? { shortName: customer.shortName } : {}),
    ...(customer.taxId ? { taxId: customer.taxId } : {}),
    ...(customer.phone ? { phone: customer.phone } : {}),
    ...(customer.contact ? { contact: customer.contact } : {}),
    ...(customer.address ? { address: customer.address } : {}),
    ...(customer.category ? { category: customer.category.name } : {}),
    ...(customer.region ? { region: customer.region.name } : {}),
    ...(customer.createdAt ? { createdAt: customer.createdAt } : {}),
    ...(customer.updatedAt ? { updatedAt: customer.updatedAt } : {}),
  };
}

/** A customer list as received in a CSV file (UTF-8 with BOM, Chinese headers); returns the records written. */
export async function writeCsvFixture(path: string, customers: SeedCustomer[], source: string): Promise<Customer[]> {
  const records = customers.map((customer) => recordOf(customer, source));
  async function* rows(): AsyncGenerator<Customer> {
    yield* records;
  }
  // The fixture is the source data itself: written verbatim, as the consultant's file would hold it.
  await writeCsv(rows(), createWriteStream(path), { headers: 'zh', fields: Object.keys(DEMO_CSV_COLUMNS) as Array<keyof typeof DEMO_CSV_COLUMNS>, escapeFormulas: false });
  return records;
}
