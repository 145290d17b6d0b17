import { labelUnits } from '@custcode/audit';

export { clipLabel, labelUnits } from '@custcode/audit';
/** Colours of chart series and slices, shared by the SVG and PDF charts. */
export const PALETTE = ['#3b82f6', '#f59e0b', '#dc2626', '#10b981', '#8b5cf6', '#ec4899', '#14b8a6', '#f97316', '#6366f1', '#84cc16', '#0ea5e9', '#a855f7', '#9ca3af'];

export const colourAt = (index: number): string => PALETTE[index % PALETTE.length]!;

/** A point on a circle, angle in radians from 12 o'clock, clockwise. */
export function polar(centreX: number, centreY: number, radius: number, angle: number): [number, number] {
  return [centreX + radius * Math.sin(angle), centreY - radius * Math.cos(angle)];
}

/** Slices of a pie: start and end angles per value (zero values get none). */
export function pieSlices(values: readonly number[]): Array<{ index: number; start: number; end: number }> {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return [];
  let angle = 0;
  const slices: Array<{ index: number; start: number; end: number }> = [];
  values.forEach((value, index) => {
    if (value <= 0) return;
    const end = angle + (value / total) * Math.PI * 2;
    slices.push({ index, start: angle, end });
    angle = end;
  });
  return slices;
}

/** A readable axis maximum (1, 2, 5 × 10ⁿ) at or above the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value)!;
  return step * magnitude;
}

/** Show every n-th x label so that labels of this width (half-width unit = `unitWidth`) never overlap. */
export function tickEvery(labels: readonly string[], plotWidth: number, unitWidth: number): number {
  if (labels.length <= 1) return 1;
  const widest = Math.max(...labels.map(labelUnits)) * unitWidth + 8;
  const spacing = plotWidth / (labels.length - 1);
  return Math.max(1, Math.ceil(widest / spacing));
}

/**
 * Vertical positions of labels at the end of lines: each as close to its line's end as it can be while
 * keeping `gap` from the others (lines ending at the same value would print their names on top of each other).
 */
export function spreadLabels(ends: readonly number[], gap: number, low: number, high: number): number[] {
  const order = ends.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y || a.index - b.index);
  const placed = order.map((entry) => entry.y);
  for (let index = 1; index < placed.length; index++) placed[index] = Math.max(placed[index]!, placed[index - 1]! + gap);
  // Pushed past the bottom: shift the whole stack up, never above the top.
  const overflow = (placed.at(-1) ?? 0) - high;
  if (overflow > 0) for (let index = 0; index < placed.length; index++) placed[index] = Math.max(low + index * gap, placed[index]! - overflow);
  const result = new Array<number>(ends.length);
  order.forEach((entry, position) => {
    result[entry.index] = placed[position]!;
  });
  return result;
}
