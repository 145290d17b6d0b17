import type { CustomerField } from '@custcode/core';

/** Customer fields the SAP source fills; `contact` is absent (KNVK contact persons are not read), `updatedAt` too (KNA1 has no change date). */
export function sapCustomerFields(orgScoped: boolean): CustomerField[] {
  return ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'address', 'category', 'region', 'status', 'createdAt', ...(orgScoped ? (['org'] as const) : [])];
}
