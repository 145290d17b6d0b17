import { describe, expect, it } from 'vitest';
import { compileRule } from './compile-rule.js';
import { createMemorySequenceStore } from './sequence/memory-sequence-store.js';

describe('generate', () => {
  it('restarts the serial for each resolved prefix (year, category)', async () => {
    const rule = compileRule('KH{YYYY}{category:2}{seq:3}');
    const store = createMemorySequenceStore();
    const codes = [];
    for (const [date, category] of [['2025-12-31', '01'], ['2025-12-31', '01'], ['2026-01-01', '01'], ['2026-01-01', '02']] as const) {
      codes.push((await rule.generate({ date, category }, store)).code);
    }
    expect(codes).toEqual(['KH202501001', 'KH202501002', 'KH202601001', 'KH202602001']);
  });

  it('uses the time zone for Date values and now (Asia/Shanghai by default)', async () => {
    const rule = compileRule('{YYYY}{MM}{DD}{seq:2}');
    const instant = new Date('2025-12-31T17:30:00Z');
    expect((await rule.generate({ date: instant }, createMemorySequenceStore())).code).toBe('2026010101');
    const utc = compileRule('{YYYY}{MM}{DD}{seq:2}', { timeZone: 'UTC' });
    expect((await utc.generate({ date: instant }, createMemorySequenceStore())).code).toBe('2025123101');
  });

  it('honours start, step and reset=month', async () => {
    const rule = compileRule('M{seq:3|start=5|step=5|reset=month}');
    const store = createMemorySequenceStore();
    const codes = [];
    for (const date of ['2026-01-02', '2026-01-20', '2026-02-01']) codes.push((await rule.generate({ date }, store)).code);
    expect(codes).toEqual(['M005', 'M010', 'M005']);
  });

  it('previews without consuming', async () => {
    const rule = compileRule('P{seq:2}');
    const store = createMemorySequenceStore();
    expect(await rule.preview({}, store, 3)).toEqual(['P01', 'P02', 'P03']);
    const preview = await rule.generate({}, store, { preview: true });
    expect(preview).toMatchObject({ code: 'P01', preview: true });
    expect((await rule.generate({}, store)).code).toBe('P01');
  });

  it('fails on overflow instead of widening the serial', async () => {
    const rule = compileRule('O{seq:1|max=2}');
    const store = createMemorySequenceStore();
    await rule.generate({}, store);
    await rule.generate({}, store);
    await expect(rule.generate({}, store)).rejects.toThrow(/exhausted: the next number 3 is above the maximum 2/);
    const narrow = compileRule('N{seq:1|start=9}');
    await narrow.generate({}, store);
    await expect(narrow.generate({}, store)).rejects.toThrow(/above the maximum 9/);
  });

  it('needs the fields the rule uses', async () => {
    const rule = compileRule('{region:2}{seq:2}');
    await expect(rule.generate({}, createMemorySequenceStore())).rejects.toThrow(/needs 2 characters of the customer's region/);
    await expect(rule.generate({ region: 'B' }, createMemorySequenceStore())).rejects.toThrow(/2 characters/);
  });

  it('no-gap: a number is used only when confirmed; released numbers are reissued first', async () => {
    const rule = compileRule('G{seq:3|mode=no-gap}');
    const store = createMemorySequenceStore();
    const first = await rule.generate({}, store);
    const second = await rule.generate({}, store);
    const third = await rule.generate({}, store);
    await first.confirm();
    await second.release();
    await third.confirm();
    expect(await rule.preview({}, store, 2)).toEqual(['G002', 'G004']);
    const again = await rule.generate({}, store);
    expect(again.code).toBe('G002');
    await again.confirm();
    await expect(again.confirm()).rejects.toThrow(/not found/);
  });

  it('no-gap: an abandoned number is reissued when its lease expires', async () => {
    const rule = compileRule('E{seq:3}', { mode: 'no-gap' });
    const store = createMemorySequenceStore();
    await rule.generate({}, store, { leaseMs: 0 });
    const next = await rule.generate({}, store);
    expect(next.code).toBe('E001');
  });

  it('fast mode: release is a no-op and leaves a gap', async () => {
    const rule = compileRule('F{seq:3}');
    const store = createMemorySequenceStore();
    await (await rule.generate({}, store)).release();
    expect((await rule.generate({}, store)).code).toBe('F002');
  });
});
