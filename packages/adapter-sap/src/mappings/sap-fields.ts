import type { CustomerField, RawColumns } from '@custcode/core';

/** Customer fields the SAP source fills; `contact` is absent (KNVK contact persons are not read), `updatedAt` too (KNA1 has no change date). */
export function sapCustomerFields(orgScoped: boolean): CustomerField[] {
  return ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'address', 'category', 'region', 'status', 'createdAt', ...(orgScoped ? (['org'] as const) : [])];
}

/**
 * KNA1 fields (raw keys) by the Customer field they carry — those read and those `extraFields` may add:
 * the name lines and their match-code search terms (MCOD1/MCOD2 are NAME1/NAME2 in capitals, MCOD3 the
 * city), every tax number, every telephone, every address part. Masking a field masks these raw values.
 */
export function sapRawColumns(categoryField: string, orgTable: string | undefined): RawColumns {
  return {
    code: ['KUNNR'],
    name: ['NAME1', 'NAME2', 'NAME3', 'NAME4', 'MCOD1', 'MCOD2'],
    shortName: ['SORTL'],
    taxId: ['STCD1', 'STCD2', 'STCD3', 'STCD4', 'STCD5', 'STCEG'],
    phone: ['TELF1', 'TELF2', 'TELFX', 'TELBX', 'TELTX', 'TELX1'],
    address: ['STRAS', 'ORT01', 'ORT02', 'PSTLZ', 'PFACH', 'PSTL2', 'MCOD3'],
    category: [categoryField],
    region: ['REGIO'],
    createdAt: ['ERDAT'],
    ...(orgTable === 'KNB1' ? { org: ['KNB1-BUKRS'] } : orgTable === 'KNVV' ? { org: ['KNVV-VKORG', 'KNVV-VTWEG', 'KNVV-SPART'] } : {}),
  };
}
