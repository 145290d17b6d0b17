/**
 * Terms every custcode surface shares (console, CLI tables, exports, reports, audit page), so that a
 * status or a column has one name everywhere. Status terms follow the ERPs' own wording: U8 (停用日期)
 * and NC (已停用) call a customer taken out of use 停用, so `blocked` is 停用 — not 冻结 (a credit hold)
 * nor 禁用 (K/3's wording).
 */
const zh = {
  'status.active': '正常',
  'status.blocked': '停用',
  'status.deleted': '删除',
  'field.code': '客户编号',
  'field.name': '客户名称',
  'field.shortName': '简称',
  'field.taxId': '税号',
  'field.phone': '电话',
  'field.contact': '联系人',
  'field.address': '地址',
  'field.category': '分类',
  'field.region': '地区',
  'field.status': '状态',
  'field.createdAt': '创建时间',
  'field.updatedAt': '修改时间',
  'field.org': '组织',
  'field.source': '数据源',
  'field.erp': 'ERP',
  'kind.duplicates': '重复编号',
  'kind.missing': '缺少编号',
  'kind.gaps': '流水号断号',
  'kind.formatViolations': '格式不符',
  'kind.garbled': '乱码',
  'kind.invalidTaxIds': '税号无效',
  'kind.nearDuplicates': '疑似重复客户',
  pageOf: '第 {page} / {pages} 页',
  generated: '生成时间',
  filters: '筛选条件',
  noFilters: '无',
  sources: '数据源',
  total: '合计',
  records: '记录数',
} as const;

export type SharedKey = keyof typeof zh;

const en: Record<SharedKey, string> = {
  'status.active': 'Active',
  'status.blocked': 'Blocked',
  'status.deleted': 'Deleted',
  'field.code': 'Code',
  'field.name': 'Name',
  'field.shortName': 'Short name',
  'field.taxId': 'Tax id',
  'field.phone': 'Phone',
  'field.contact': 'Contact',
  'field.address': 'Address',
  'field.category': 'Category',
  'field.region': 'Region',
  'field.status': 'Status',
  'field.createdAt': 'Created',
  'field.updatedAt': 'Updated',
  'field.org': 'Org',
  'field.source': 'Source',
  'field.erp': 'ERP',
  'kind.duplicates': 'Duplicate codes',
  'kind.missing': 'Missing codes',
  'kind.gaps': 'Serial gaps',
  'kind.formatViolations': 'Format violations',
  'kind.garbled': 'Garbled text',
  'kind.invalidTaxIds': 'Invalid tax ids',
  'kind.nearDuplicates': 'Probable duplicates',
  pageOf: 'Page {page} of {pages}',
  generated: 'Generated',
  filters: 'Filters',
  noFilters: 'none',
  sources: 'Sources',
  total: 'Total',
  records: 'Records',
};

export const SHARED_TERMS = { 'zh-CN': zh as Record<SharedKey, string>, en } as const;
