import { describe, expect, it } from 'vitest';
import { clipLabel, labelUnits, spreadLabels, tickEvery } from './palette.js';
import { lineChart } from './svg-line-chart.js';

describe('chart labels', () => {
  it('lines ending at the same value get their names apart, in the lines\' order, inside the plot', () => {
    const placed = spreadLabels([100, 100, 100, 40], 12, 10, 190);
    expect(placed[3]).toBe(40);
    expect(placed.slice(0, 3)).toEqual([100, 112, 124]);
    const crowded = spreadLabels([190, 190, 190], 12, 10, 190);
    expect(Math.max(...crowded)).toBeLessThanOrEqual(190);
    expect(new Set(crowded).size).toBe(3);
    const sorted = [...crowded].sort((a, b) => a - b);
    expect(sorted[1]! - sorted[0]!).toBeGreaterThanOrEqual(12);
    expect(sorted[2]! - sorted[1]!).toBeGreaterThanOrEqual(12);
  });

  it('x labels are thinned by their width: 36 months fit, Chinese months (twice as wide) are thinned more', () => {
    const months = Array.from({ length: 36 }, (_, index) => `20${22 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
    const chinese = months.map((month) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`);
    const every = tickEvery(months, 500, 6.2);
    // Shown labels are at least as far apart as the widest is wide.
    expect((500 / 35) * every).toBeGreaterThanOrEqual(labelUnits('2022-01') * 6.2);
    expect(tickEvery(chinese, 500, 6.2)).toBeGreaterThan(every);
    expect(tickEvery(['2024-01', '2024-02'], 500, 6.2)).toBe(1);
  });

  it('cuts a long label with an ellipsis, counting a Chinese character as two', () => {
    expect(clipLabel('短名', 10)).toBe('短名');
    expect(clipLabel('上海悦蓝驰医药科技有限公司', 10)).toBe('上海悦蓝…');
    expect(labelUnits(clipLabel('上海悦蓝驰医药科技有限公司', 10))).toBeLessThanOrEqual(10);
  });

  it('the SVG line chart writes each series name at the end of its line, in its colour', () => {
    const points = (values: number[]) => values.map((value, index) => ({ label: `2024-0${index + 1}`, value }));
    const svg = lineChart('g', 'growth', [{ name: '新增', points: points([1, 3, 5]) }, { name: '停用', points: points([0, 1, 5]) }]);
    const labels = [...svg.matchAll(/<text class="direct-label" x="([\d.]+)" y="([\d.]+)" fill="(#[0-9a-f]+)"[^>]*>([^<]+)<\/text>/g)];
    expect(labels.map((match) => match[4])).toEqual(['新增', '停用']);
    // Both lines end at 5: the two names are not printed on top of each other.
    expect(Math.abs(Number(labels[0]![2]) - Number(labels[1]![2]))).toBeGreaterThanOrEqual(12);
    // Right of the last point of the line.
    const lastX = Math.max(...[...svg.matchAll(/L([\d.]+),/g)].map((match) => Number(match[1])));
    expect(Number(labels[0]![1])).toBeGreaterThan(lastX);
    expect(labels[0]![3]).not.toBe(labels[1]![3]);
  });
});
