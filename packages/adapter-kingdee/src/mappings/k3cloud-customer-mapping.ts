import type { TableMapping } from '@custcode/sql';

/** zh-CN; K/3 Cloud's default and the locale `_L` rows always exist in. */
export const K3CLOUD_DEFAULT_LOCALE = 2052;

/**
 * Document statuses of records that are not (or no longer) audited: Z 暂存, A 创建, B 审核中, D 重新审核.
 * K/3 Cloud only lets audited (`C`) base data be used in business documents, so such customers are
 * reported as `blocked`; the raw `FDOCUMENTSTATUS` tells which case it is.
 */
export const K3CLOUD_UNAUDITED_STATUSES = ['Z', 'A', 'B', 'D'] as const;

/**
 * K/3 Cloud customers: `T_BD_CUSTOMER` joined to its multi-language table `T_BD_CUSTOMER_L` in one locale.
 * - org: `FUSEORGID` (use-organisation). After 分配 the same `FNUMBER` exists once per use-org; without an
 *   org the creating org's own row (`FUSEORGID = FCREATEORGID`) stands for the customer.
 * - category: the customer group (客户分组) `FPRIMARYGROUP` → its name in the locale (`T_BD_CUSTOMERGROUP_L.FNAME`);
 *   a filter also accepts the group's number (`T_BD_CUSTOMERGROUP.FNUMBER`).
 * - region: 地区 `FPROVINCIAL` → assistant data name `T_BAS_ASSISTANTDATAENTRY_L.FDATAVALUE`; a filter also
 *   accepts its number (`T_BAS_ASSISTANTDATAENTRY.FNUMBER`).
 * - no deleted status: K/3 Cloud deletes base data physically (only unaudited records can be deleted).
 * - no contact: contacts live in separate contact tables, not on the customer row.
 */
export function k3cloudCustomerMapping(options: { locale?: number } = {}): TableMapping {
  const locale = options.locale ?? K3CLOUD_DEFAULT_LOCALE;
  return {
    erp: 'kingdee-k3cloud',
    table: 'T_BD_CUSTOMER',
    alias: 'c',
    joins: [
      { table: 'T_BD_CUSTOMER_L', alias: 'l', kind: 'left', on: [['c.FCUSTID', 'l.FCUSTID']], where: { column: 'l.FLOCALEID', equals: locale } },
      { table: 'T_BD_CUSTOMERGROUP', alias: 'g', kind: 'left', on: [['c.FPRIMARYGROUP', 'g.FID']] },
      { table: 'T_BD_CUSTOMERGROUP_L', alias: 'gl', kind: 'left', on: [['c.FPRIMARYGROUP', 'gl.FID']], where: { column: 'gl.FLOCALEID', equals: locale } },
      { table: 'T_BAS_ASSISTANTDATAENTRY', alias: 'r', kind: 'left', on: [['c.FPROVINCIAL', 'r.FENTRYID']] },
      {
        table: 'T_BAS_ASSISTANTDATAENTRY_L',
        alias: 'rl',
        kind: 'left',
        on: [['c.FPROVINCIAL', 'rl.FENTRYID']],
        where: { column: 'rl.FLOCALEID', equals: locale },
      },
    ],
    code: 'c.FNUMBER',
    codeForm: 'as-is',
    fields: {
      name: 'l.FNAME',
      shortName: 'l.FSHORTNAME',
      taxId: 'c.FTAXREGISTERCODE',
      phone: 'c.FTEL',
      address: 'c.FADDRESS',
      category: { value: 'gl.FNAME', matchAlso: ['g.FNUMBER'] },
      region: { value: 'rl.FDATAVALUE', matchAlso: ['r.FNUMBER'] },
      createdAt: 'c.FCREATEDATE',
      updatedAt: 'c.FMODIFYDATE',
    },
    status: {
      blocked: {
        any: [
          { column: 'c.FFORBIDSTATUS', equals: 'B' },
          { column: 'c.FDOCUMENTSTATUS', in: [...K3CLOUD_UNAUDITED_STATUSES] },
        ],
      },
    },
    org: {
      kind: 'column',
      column: 'c.FUSEORGID',
      scope: 'use-org',
      withoutOrg: { column: 'c.FUSEORGID', equalsColumn: 'c.FCREATEORGID' },
      withoutOrgDescription: "the creating organisation's own row (FUSEORGID = FCREATEORGID)",
    },
    // Organisation ids are int columns: an org that is not a number matches nothing.
    numericColumns: ['c.FUSEORGID', 'c.FCREATEORGID'],
    raw: [
      'c.FCUSTID',
      'c.FNUMBER',
      'c.FCREATEORGID',
      'c.FUSEORGID',
      'c.FDOCUMENTSTATUS',
      'c.FFORBIDSTATUS',
      'c.FPRIMARYGROUP',
      'c.FPROVINCIAL',
      'l.FLOCALEID',
    ],
  };
}
