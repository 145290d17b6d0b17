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
