import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hub, openHub } from '../open-hub.js';
import { DIALECTS } from './sql-dialect.js';

let hub: Hub;
beforeAll(async () => {
  hub = await openHub(':memory:');
});
afterAll(async () => hub?.close());

describe('the DuckDB edit distance', () => {
  it('counts characters, not bytes, for short pairs and for pairs longer than the ASCII alphabet', async () => {
    const distance = async (a: string, b: string) =>
      Number((await hub.query<{ d: number | string }>(`SELECT ${DIALECTS.duckdb.editDistance('$1::VARCHAR', '$2::VARCHAR')} AS d`, [a, b]))[0]!.d);
    // DuckDB's own levenshtein counts the 3 UTF-8 bytes of 技/枝 as 2 edits.
    expect(Number((await hub.query<{ d: string }>("SELECT levenshtein('北京科技有限', '北京科枝有限') AS d"))[0]!.d)).toBe(2);
    expect(await distance('北京科技有限', '北京科枝有限')).toBe(1);
    expect(await distance('华信科技', '科技华信')).toBe(4);
    expect(await distance('', '华信')).toBe(2);
    // 120 characters together: the distinct-alphabet path.
    const long = '华信科技'.repeat(15);
    expect(await distance(long, `${long.slice(0, 30)}枝${long.slice(31)}`)).toBe(1);
    expect(await distance(long, long.slice(2))).toBe(2);
  });
});
