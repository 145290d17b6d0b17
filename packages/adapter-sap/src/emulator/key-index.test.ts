import { describe, expect, it } from 'vitest';
import { evaluateWhere, parseWhere } from './abap-where.js';
import { KeyIndex } from './key-index.js';

const rows = ['0000001000', '0000001001', 'C-100', 'C-10', 'A', 'AB', 'x-100', '0000000999', 'C_300', 'KH23010001'].map((KUNNR, index) => ({ KUNNR, NAME1: `N${index}` }));
const bounds = ["'0000001000'", "'C-10'", "'A'", "'B'", "'C-100 '", "'0'", "'zz'"];

describe('KeyIndex', () => {
  it('never drops a row that the condition selects', () => {
    const index = new KeyIndex(rows, 'KUNNR', (row) => row.KUNNR ?? '');
    const conditions = [
      ...bounds.flatMap((bound) => ['=', '>', '>=', '<', '<='].map((operator) => `KUNNR ${operator} ${bound}`)),
      ...bounds.flatMap((low) => bounds.map((high) => `( KUNNR > ${low} ) AND ( KUNNR <= ${high} ) AND NAME1 <> 'N3'`)),
      "KUNNR IN ( 'C-10', 'A', 'nope' )",
      "KUNNR = 'A' OR KUNNR = 'AB'",
      "NOT KUNNR < 'B'",
    ];
    for (const text of conditions) {
      const condition = parseWhere([text]);
      const expected = rows.filter((row) => evaluateWhere(condition, (field) => row[field as 'KUNNR' | 'NAME1']));
      const found = index.candidates(condition).filter((row) => evaluateWhere(condition, (field) => row[field] ?? ''));
      expect(index.inStoredOrder(found), text).toEqual(expected);
    }
  });
});
