import type { TableMapping } from '@custcode/sql';

export interface U8MappingOptions {
  /** Schema of the account database (`dbo` in U8); absent: the login's default schema. */
  schema?: string;
}

const qualified = (schema: string | undefined, table: string) => (schema ? `${schema}.${table}` : table);

/**
 * U8 客户档案: one account set (账套) per database, so no org scope. U8 has no deletion flag: a
 * deleted customer is physically removed from `Customer`, so it is never reported (status 'deleted'
 * does not occur). `dEndDate` (停用日期) set = blocked.
 */
export function u8CustomerMapping(options: U8MappingOptions = {}): TableMapping {
  return {
    erp: 'yonyou-u8',
    table: qualified(options.schema, 'Customer'),
    alias: 'c',
    joins: [
      // cCCCode and cDCCode are the class tables' primary keys: one class and one region per customer.
      { table: qualified(options.schema, 'CustomerClass'), alias: 'cc', kind: 'left', on: [['c.cCCCode', 'cc.cCCCode']], toOne: true },
      { table: qualified(options.schema, 'DistrictClass'), alias: 'dc', kind: 'left', on: [['c.cDCCode', 'dc.cDCCode']], toOne: true },
    ],
    code: 'c.cCusCode',
    codeForm: 'as-is',
    fields: {
      name: 'c.cCusName',
      shortName: 'c.cCusAbbName',
      taxId: 'c.cCusRegCode',
      phone: 'c.cCusPhone',
      contact: 'c.cCusPerson',
      address: 'c.cCusAddress',
      // The class name is what users read; a filter by the class code (`--category 01`) matches too.
      category: { value: 'cc.cCCName', matchAlso: ['c.cCCCode'] },
      region: { value: 'dc.cDCName', matchAlso: ['c.cDCCode'] },
      createdAt: 'c.dCusCreateDatetime',
      updatedAt: 'c.dModifyDate',
    },
    mnemonic: 'c.cCusMnemCode',
    status: { blocked: { column: 'c.dEndDate', isNotNull: true } },
    raw: [
      'c.cCusCode',
      'c.cCusName',
      'c.cCusAbbName',
      'c.cCCCode',
      'c.cDCCode',
      'c.cCusMnemCode',
      'c.dEndDate',
      'c.dCusCreateDatetime',
      'c.dModifyDate',
    ],
  };
}
