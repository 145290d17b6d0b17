import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { CROSSWALK_COLUMNS, crosswalkCsv, parseCrosswalk } from './crosswalk-file.js';
import { parseMigrationDecisions } from './migration-decisions.js';
import type { CrosswalkRow } from './migration-types.js';
import { parseTranslations, translateCustomer } from './translations.js';

const configError = (run: () => unknown, message: RegExp) => {
  try {
    run();
  } catch (error) {
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected a ConfigError');
};

describe('value maps', () => {
  it('reads JSON and CSV into the same table', () => {
    const json = parseTranslations('{ "category": { "批发客户": "KHFZ01" }, "org": { "*": "100001" } }');
    const csv = parseTranslations('\uFEFFfield,from,to\ncategory,批发客户,KHFZ01\norg,*,100001\n');
    expect(csv).toEqual(json);
    expect(json).toEqual({ category: { 批发客户: 'KHFZ01' }, org: { '*': '100001' } });
  });

  it('rejects unknown fields and contradictory lines', () => {
    configError(() => parseTranslations('field,from,to\nname,a,b\n'), /field "name"/);
    configError(() => parseTranslations('field,from,to\nregion,北京,11\nregion,北京,12\n'), /translates region "北京" twice/);
    configError(() => parseTranslations('from,to\na,b\n'), /no "field" column/);
  });

  it('translates only the fields the table covers and reports the rest as unmapped', () => {
    const base = { source: 'u8', erp: 'yonyou-u8' as const, code: 'A', name: 'n', status: 'active' as const, raw: {}, category: '出口', region: '北京' };
    const result = translateCustomer(base, { category: { 批发: 'PF' }, region: { 北京: '11' } });
    expect(result.customer).toMatchObject({ category: '出口', region: '11' });
    expect(result.unmapped).toEqual([{ field: 'category', value: '出口' }]);
  });
});

describe('decisions', () => {
  it('reads CSV and JSON', () => {
    const csv = parseMigrationDecisions('old_code,decision,into\n0004,merge,0001\n0007,separate,\n0009,NEW,\n');
    expect(csv).toEqual([
      { oldCode: '0004', decision: 'merge', into: '0001' },
      { oldCode: '0007', decision: 'separate' },
      { oldCode: '0009', decision: 'new' },
    ]);
    expect(parseMigrationDecisions('[{"old_code":"0004","decision":"merge","into":"0001"},{"oldCode":"0007","decision":"separate"},{"oldCode":"0009","decision":"new"}]')).toEqual(csv);
  });

  it('explains what is wrong', () => {
    configError(() => parseMigrationDecisions('old_code,decision,into\n0004,merge,\n'), /line 2: merge of 0004 does not say into which customer/);
    configError(() => parseMigrationDecisions('old_code,decision\n0004,drop\n'), /unknown decision "drop"/);
    configError(() => parseMigrationDecisions('old_code,decision,into\n0004,merge,0001\n0004,new,\n'), /decides 0004 twice/);
  });
});

describe('crosswalk file', () => {
  const rows: CrosswalkRow[] = [
    { oldCode: '0001', newCode: 'KH20260001', decision: 'generated', reason: 'new number from rule KH{YYYY}{seq:4}', mergedInto: '', heldBy: '', review: 'near-duplicate of 0004 (same-name, score 1.00): decide merge or separate', name: '北京恒景禾贸易有限公司, "总部"', org: '', rowId: '', sourceStatus: 'active' },
    { oldCode: 'KH2', newCode: '', decision: 'conflict', reason: 'old code KH2 is held by a target record', mergedInto: '', heldBy: 'KH2 已有客户 (org 100001)', review: '', name: '上海\n换行', org: 'ORG1', rowId: '7', sourceStatus: 'missing' },
  ];

  it('writes the documented columns with a BOM and reads back the same rows', () => {
    const text = crosswalkCsv(rows);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0]!)).toEqual(['old_code', 'new_code', 'decision', 'reason', 'merged_into', 'held_by', 'review', 'name', 'org', 'row_id', 'source_status']);
    expect(CROSSWALK_COLUMNS.map(([column]) => column)).toEqual(Object.keys(records[0]!));
    expect(records[0]!.name).toBe('北京恒景禾贸易有限公司, "总部"');
    expect(parseCrosswalk(text)).toEqual(rows);
    expect(parseCrosswalk(JSON.stringify(rows))).toEqual(rows);
    expect(parseCrosswalk('')).toEqual([]);
  });

  it('refuses an edited file it cannot trust', () => {
    configError(() => parseCrosswalk('old_code,new_code,decision\nA,B,moved\n'), /unknown decision "moved"/);
    configError(() => parseCrosswalk('old_code,new_code,decision\nA,,generated\n'), /line 2: a generated row has no new_code/);
  });
});
