import { compare } from '../rfc/abap-condition.js';
import { isFlagged, type OrgLevelMapping } from './org-level-mapping.js';

/** Company-code scope: KNA1 ⋈ KNB1 on KUNNR; org = BUKRS (`1000`). KNB1 LOEVM deletes, SPERR blocks. */
export const knb1Mapping: OrgLevelMapping = {
  table: 'KNB1',
  scope: 'company-code',
  keyFields: ['KUNNR', 'BUKRS'],
  fields: ['KUNNR', 'BUKRS', 'LOEVM', 'SPERR', 'ERDAT'],
  statusFields: ['LOEVM', 'SPERR'],
  orgOf: (row) => (row.BUKRS ?? '').trim(),
  orgCondition: (org) => (/^[A-Za-z0-9]{1,4}$/.test(org) ? compare('BUKRS', '=', org) : undefined),
  status: (row) => (isFlagged(row.LOEVM) ? 'deleted' : isFlagged(row.SPERR) ? 'blocked' : 'active'),
  withoutOrg: 'the record of the lowest company code (BUKRS) the customer is extended to',
};
