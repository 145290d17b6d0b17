/** The ERP families custcode reads from. */
export const ERP_KINDS = [
  'sap',
  'oracle-ebs',
  'yonyou-u8',
  'yonyou-nc',
  'kingdee-k3cloud',
  'kingdee-k3wise',
  'generic-sql',
  'file',
] as const;

export type ErpKind = (typeof ERP_KINDS)[number];
