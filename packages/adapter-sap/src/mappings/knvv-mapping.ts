import { allOf, compare } from '../rfc/abap-condition.js';
import { isFlagged, type OrgLevelMapping } from './org-level-mapping.js';

const salesArea = /^([A-Za-z0-9]{1,4})\/([A-Za-z0-9]{1,2})\/([A-Za-z0-9]{1,2})$/;

/** Sales-area scope: KNA1 ⋈ KNVV on KUNNR; org = `VKORG/VTWEG/SPART` (`1000/10/00`). KNVV LOEVM deletes, AUFSD blocks. */
export const knvvMapping: OrgLevelMapping = {
  table: 'KNVV',
  scope: 'sales-area',
  keyFields: ['KUNNR', 'VKORG', 'VTWEG', 'SPART'],
  fields: ['KUNNR', 'VKORG', 'VTWEG', 'SPART', 'LOEVM', 'AUFSD', 'ERDAT'],
  statusFields: ['LOEVM', 'AUFSD'],
  orgOf: (row) => [row.VKORG, row.VTWEG, row.SPART].map((part) => (part ?? '').trim()).join('/'),
  orgCondition: (org) => {
    const match = salesArea.exec(org);
    if (!match) return undefined;
    return allOf(compare('VKORG', '=', match[1]!), compare('VTWEG', '=', match[2]!), compare('SPART', '=', match[3]!));
  },
  status: (row) => (isFlagged(row.LOEVM) ? 'deleted' : isFlagged(row.AUFSD) ? 'blocked' : 'active'),
  withoutOrg: 'the record of the lowest sales area (VKORG/VTWEG/SPART) the customer is extended to',
};
