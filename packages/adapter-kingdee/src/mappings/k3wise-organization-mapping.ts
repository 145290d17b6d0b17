import type { TableMapping } from '@custcode/sql';

/** `t_Item.FItemClassID` of the customer item class (核算项目类别: 客户). */
export const K3WISE_CUSTOMER_ITEM_CLASS = 1;
/** `t_BaseProperty.FTypeID` of 核算项目 (t_Item) rows. */
export const K3WISE_ITEM_PROPERTY_TYPE = 3;
/** `t_Organization.FStatus` (→ t_SubMessage) of a customer in use (使用); any other status counts as blocked. */
export const K3WISE_STATUS_IN_USE = 1072;

/**
 * K/3 WISE customers: detail items of class 1 in `t_Item`, their detail row in `t_Organization`.
 * - deleted: `t_Item.FDeleted = 1` (returned with status `deleted`, not hidden).
 * - blocked: `t_Organization.FStatus` set to anything but 1072 (使用).
 * - category: the parent group item's name (`FParentID` → `t_Item.FName` of the FDetail = 0 node); a filter also
 *   accepts the group's number.
 * - region: `FRegionID` → `t_SubMessage.FName`; a filter also accepts its code (`t_SubMessage.FID`).
 * - dates: `t_BaseProperty` (FTypeID 3), LEFT JOINed because older rows have none.
 * - mnemonic: `FHelpCode` (助记码) holds the pinyin initials, so text search is pushed down to it.
 * - taxId: `FTaxNum` (税务登记号; two public integrations read it, see the README).
 * - no org (one account set per database).
 */
export function k3wiseOrganizationMapping(): TableMapping {
  return {
    erp: 'kingdee-k3wise',
    table: 't_Item',
    alias: 'i',
    joins: [
      { table: 't_Organization', alias: 'o', kind: 'inner', on: [['i.FItemID', 'o.FItemID']] },
      { table: 't_Item', alias: 'g', kind: 'left', on: [['i.FParentID', 'g.FItemID']] },
      { table: 't_SubMessage', alias: 'r', kind: 'left', on: [['o.FRegionID', 'r.FInterID']] },
      {
        table: 't_BaseProperty',
        alias: 'p',
        kind: 'left',
        on: [['i.FItemID', 'p.FItemID']],
        where: { column: 'p.FTypeID', equals: K3WISE_ITEM_PROPERTY_TYPE },
      },
    ],
    where: {
      all: [
        { column: 'i.FItemClassID', equals: K3WISE_CUSTOMER_ITEM_CLASS },
        { column: 'i.FDetail', equals: 1 },
      ],
    },
    code: 'i.FNumber',
    codeForm: 'as-is',
    fields: {
      name: 'o.FName',
      shortName: 'o.FShortName',
      taxId: 'o.FTaxNum',
      phone: 'o.FPhone',
      contact: 'o.FContact',
      address: 'o.FAddress',
      category: { value: 'g.FName', matchAlso: ['g.FNumber'] },
      region: { value: 'r.FName', matchAlso: ['r.FID'] },
      createdAt: 'p.FCreateDate',
      updatedAt: 'p.FLastModDate',
    },
    mnemonic: 'o.FHelpCode',
    status: {
      deleted: { column: 'i.FDeleted', equals: 1 },
      blocked: { all: [{ column: 'o.FStatus', isNotNull: true }, { column: 'o.FStatus', notEquals: K3WISE_STATUS_IN_USE }] },
    },
    raw: ['i.FItemID', 'i.FNumber', 'i.FParentID', 'i.FDeleted', 'o.FStatus', 'o.FRegionID', 'o.FHelpCode'],
  };
}
