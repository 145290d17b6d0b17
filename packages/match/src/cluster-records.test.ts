import { describe, expect, it } from 'vitest';
import { clusterRecords, type Edge } from './cluster-records.js';
import { assignGlobalIds } from './global-ids.js';

const edge = (a: number, b: number): Edge => ({ a, b, kind: 'uscc', score: 1, detail: '' });
const ref = (source: string, code: string) => ({ source, code, org: '' });

describe('clusterRecords', () => {
  it('joins connected records across any number of sources', () => {
    const { clusters, joinedBy } = clusterRecords(5, [edge(0, 1), edge(1, 2), edge(3, 4)], []);
    expect(clusters).toEqual([[0, 1, 2], [3, 4]]);
    expect(joinedBy[2]).toEqual(edge(1, 2));
  });

  it('never puts a rejected pair in one cluster, even through other records', () => {
    // 0–1 rejected; 0–2 and 2–1 would connect them: the weaker, later edge 2–1 is dropped.
    const { clusters, blocked } = clusterRecords(3, [edge(0, 2), edge(2, 1)], [[0, 1]]);
    expect(clusters).toEqual([[0, 2], [1]]);
    expect(blocked).toBe(1);
  });
});

describe('assignGlobalIds', () => {
  it('numbers new clusters from G00000001 in the order given', () => {
    expect(assignGlobalIds([[ref('u8', 'A')], [ref('sap', 'B')]], [])).toEqual({ ids: ['G00000001', 'G00000002'], merged: [[], []] });
  });

  it('keeps every earlier id on a re-run with new records, and continues after the largest one', () => {
    const previous = [{ ...ref('u8', 'A'), globalId: 'G00000007' }, { ...ref('sap', 'B'), globalId: 'G00000003' }];
    // A new record C joins A's cluster; a new record D is alone.
    const result = assignGlobalIds([[ref('u8', 'A'), ref('k3', 'C')], [ref('k3', 'D')], [ref('sap', 'B')]], previous);
    expect(result.ids).toEqual(['G00000007', 'G00000008', 'G00000003']);
  });

  it('keeps the smallest id when earlier clusters are joined and lists the other as merged', () => {
    const previous = [{ ...ref('u8', 'A'), globalId: 'G00000010' }, { ...ref('sap', 'B'), globalId: 'G00000002' }];
    expect(assignGlobalIds([[ref('u8', 'A'), ref('sap', 'B')]], previous)).toEqual({ ids: ['G00000002'], merged: [['G00000010']] });
  });

  it('gives a split cluster\'s id to the part holding most of its records', () => {
    const previous = ['A', 'B', 'C'].map((code) => ({ ...ref('u8', code), globalId: 'G00000001' }));
    const result = assignGlobalIds([[ref('u8', 'A')], [ref('u8', 'B'), ref('u8', 'C')]], previous);
    expect(result.ids).toEqual(['G00000002', 'G00000001']);
  });
});
