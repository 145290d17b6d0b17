import type { SeedCustomer } from '@custcode/core';
import type { SeedTarget } from '@custcode/sql';
import { type AdapterPackage, loadExport } from '../sources/load-factory.js';

type Seeder = (target: SeedTarget, customers: SeedCustomer[], options?: { source?: string }) => Promise<unknown>;

/** One demo ERP database: which seeder writes it and how the config points at it. */
export interface DemoDatabase {
  source: string;
  label: string;
  file: string;
  packageName: AdapterPackage;
  seeder: string;
  config: Record<string, unknown>;
}

export const DEMO_DATABASES: readonly DemoDatabase[] = [
  { source: 'u8', label: 'Yonyou U8 (Customer)', file: 'u8.sqlite', packageName: '@custcode/adapter-yonyou', seeder: 'seedU8Database', config: { erp: 'yonyou-u8', url: 'sqlite:./u8.sqlite' } },
  { source: 'nc', label: 'Yonyou NC (bd_customer)', file: 'nc.sqlite', packageName: '@custcode/adapter-yonyou', seeder: 'seedNcDatabase', config: { erp: 'yonyou-nc', url: 'sqlite:./nc.sqlite' } },
  { source: 'k3', label: 'Kingdee K/3 Cloud (T_BD_CUSTOMER)', file: 'k3cloud.sqlite', packageName: '@custcode/adapter-kingdee', seeder: 'seedK3CloudDatabase', config: { erp: 'kingdee-k3cloud', url: 'sqlite:./k3cloud.sqlite' } },
  { source: 'k3wise', label: 'Kingdee K/3 WISE (t_Organization)', file: 'k3wise.sqlite', packageName: '@custcode/adapter-kingdee', seeder: 'seedK3WiseDatabase', config: { erp: 'kingdee-k3wise', url: 'sqlite:./k3wise.sqlite' } },
  { source: 'ebs', label: 'Oracle EBS (HZ_PARTIES / HZ_CUST_ACCOUNTS)', file: 'ebs.sqlite', packageName: '@custcode/adapter-oracle', seeder: 'seedEbsDatabase', config: { erp: 'oracle-ebs', url: 'sqlite:./ebs.sqlite' } },
  {
    source: 'crm',
    label: 'generic SQL (classic Customer table)',
    file: 'crm.sqlite',
    packageName: '@custcode/sql',
    seeder: 'seedGenericDatabase',
    config: {
      erp: 'generic-sql',
      url: 'sqlite:./crm.sqlite',
      table: 'Customer',
      columns: {
        code: 'CustomerID', name: 'CustomerName', shortName: 'ShortName', taxId: 'TaxNo', phone: 'Phone', contact: 'Contact',
        address: 'Address', category: 'Category', region: 'Region', createdAt: 'CreatedAt', updatedAt: 'UpdatedAt', org: 'OrgID',
      },
      status: { column: 'Status', blocked: ['B'], deleted: ['D'] },
    },
  },
];

/** The seeder of a demo database, or the reason it cannot run in this build. */
export async function loadSeeder(database: DemoDatabase): Promise<Seeder | string> {
  try {
    return await loadExport<Seeder>(database.packageName, database.seeder, database.label);
  } catch {
    return `${database.packageName} does not provide ${database.seeder} in this build`;
  }
}
