/** A small customer list as a consultant's CSV: Chinese headers, Chinese and Latin names, every status. */
export const CLIENTS_CSV = [
  '客户编号,客户名称,简称,电话,地区,状态,修改时间',
  'C001,北京鑫恒泰科技有限公司,鑫恒泰,010-62345678,华北,正常,2025-01-10 09:00:00',
  'C002,Acme Trading Ltd,Acme,021-5555,华东,冻结,2024-12-01',
  'C003,上海浦东发展有限公司,浦发,021-6666,华东,正常,2025-02-01',
  'C004,广州测试贸易公司,,020-7777,华南,删除,',
  'C010,深圳前海科技有限公司,前海,0755-8888,华南,正常,2025-03-05 18:30',
].join('\n');

export const CLIENTS_COLUMNS = { code: '客户编号', name: '客户名称', shortName: '简称', phone: '电话', region: '地区', status: '状态', updatedAt: '修改时间' };

export function clientsConfig(extra: Record<string, unknown> = {}) {
  return {
    sources: { clients: { erp: 'file', path: './clients.csv', columns: CLIENTS_COLUMNS } },
    views: {
      'south-active': { source: 'clients', region: '华南', status: 'active' },
      changed: { source: 'clients', updatedSince: '2025-01-01', fields: ['code', 'name', 'updatedAt'] },
    },
    ...extra,
  };
}
