import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { type Customer, type SeedCustomer, writeCsv } from '@custcode/core';
import { loadExport } from '../sources/load-factory.js';

/** The files the demo writes besides its databases and config. */
export const SAP_DEMO_FILE = 'sap-emulator.json';
export const CSV_DEMO_FILE = 'clients.csv';

/** The SAP "system": KNA1/KNB1/KNVV rows in the emulator's data file. Returns a note when the emulator is unavailable. */
export async function writeSapDemo(directory: string, customers: SeedCustomer[]): Promise<{ file: string; rows: number; sampleCode?: string } | string> {
  try {
    const seedSapTables = await loadExport<(customers: SeedCustomer[], options?: Record<string, unknown>) => { tables: unknown; expected: Customer[] }>('@custcode/adapter-sap/emulator', 'seedSapTables', 'SAP emulator');
    const writeEmulatorData = await loadExport<(file: string, tables: unknown) => Promise<void>>('@custcode/adapter-sap/emulator', 'writeEmulatorData', 'SAP emulator');
    await loadExport('@custcode/adapter-sap', 'createSapSource', 'SAP');
    const seeded = seedSapTables(customers, { sourceName: 'sap' });
    await writeEmulatorData(join(directory, SAP_DEMO_FILE), seeded.tables);
    // SAP keeps only codes that fit KUNNR (CHAR 10): take the sample from what was really seeded.
    const sample = seeded.expected.find((customer) => customer.status === 'active')?.code;
    return { file: SAP_DEMO_FILE, rows: seeded.expected.length, ...(sample === undefined ? {} : { sampleCode: sample }) };
  } catch (error) {
    return (error as Error).message;
  }
}

/** Column headers of the demo CSV, as a Chinese consultant's spreadsheet would have them. */
export const DEMO_CSV_COLUMNS = {
  code: '客户编号', name: '客户名称', shortName: '简称', taxId: '税号', phone: '电话', contact: '联系人',
  address: '地址', category: '分类', region: '地区', status: '状态', createdAt: '创建时间', updatedAt: '修改时间',
} as const;

/** A customer list as received in a CSV file (UTF-8 with BOM, Chinese headers). */
export async function writeCsvDemo(directory: string, customers: SeedCustomer[]): Promise<{ file: string; rows: number }> {
  async function* records(): AsyncGenerator<Customer> {
    for (const customer of customers) {
      yield {
        source: 'clients', erp: 'file', code: customer.code, name: customer.name, status: customer.status, raw: {},
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
  }
  // The demo's own source data: written verbatim, as the consultant's file would hold it.
  const rows = await writeCsv(records(), createWriteStream(join(directory, CSV_DEMO_FILE)), { headers: 'zh', fields: Object.keys(DEMO_CSV_COLUMNS) as Array<keyof typeof DEMO_CSV_COLUMNS>, escapeFormulas: false });
  return { file: CSV_DEMO_FILE, rows };
}
