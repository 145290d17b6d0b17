import { escapeHtml } from '@custcode/audit';
import type { ChartSeries } from '../report-types.js';
import { clipLabel, colourAt, labelUnits, niceMax, spreadLabels, tickEvery } from './palette.js';
import { svgElement, SVG_FONT } from './svg-element.js';

const DASHES = ['', '6 3', '2 3', '8 3 2 3'];
/** Up to this many points per line get a marker; more would blur into a thick line. */
const MAX_MARKERS = 60;

/** Circle, square, triangle, diamond: a marker shape per series. */
function marker(seriesIndex: number, cx: number, cy: number, colour: string): string {
  const at = (dx: number, dy: number) => `${(cx + dx).toFixed(1)},${(cy + dy).toFixed(1)}`;
  switch (seriesIndex % 4) {
    case 0:
      return `<circle class="marker" cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="2.5" fill="${colour}"/>`;
    case 1:
      return `<rect class="marker" x="${(cx - 2.5).toFixed(1)}" y="${(cy - 2.5).toFixed(1)}" width="5" height="5" fill="${colour}"/>`;
    case 2:
      return `<polygon class="marker" points="${at(0, -3)} ${at(3, 2.5)} ${at(-3, 2.5)}" fill="${colour}"/>`;
    default:
      return `<polygon class="marker" points="${at(0, -3)} ${at(3, 0)} ${at(0, 3)} ${at(-3, 0)}" fill="${colour}"/>`;
  }
}

/** Half-width units a series name may take at a line's end. */
const NAME_UNITS = 18;
/** Pixels per half-width unit of the 11px chart font. */
const UNIT = 6.2;

/**
 * Lines over shared x labels (months), y axis from 0; each line's name at its end (direct labels, nudged
 * apart where lines end together) and a legend underneath; x labels thinned so that they never overlap.
 */
export function lineChart(name: string, title: string, series: readonly ChartSeries[]): string {
  const labels = series[0]?.points.map((point) => point.label) ?? [];
  const names = series.map((line) => clipLabel(line.name, NAME_UNITS));
  const width = 640;
  const left = 44;
  const top = 10;
  const right = Math.max(16, Math.max(0, ...names.map(labelUnits)) * UNIT + 14);
  const plotWidth = width - left - right;
  const plotHeight = 180;
  const max = niceMax(Math.max(0, ...series.flatMap((line) => line.points.map((point) => point.value))));
  const x = (index: number) => left + (labels.length <= 1 ? plotWidth / 2 : (index / (labels.length - 1)) * plotWidth);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const grid = [0, 0.5, 1].map((fraction) => {
    const value = max * fraction;
    return (
      `<line x1="${left}" y1="${y(value).toFixed(1)}" x2="${left + plotWidth}" y2="${y(value).toFixed(1)}" stroke="#e5e7eb"/>` +
      `<text x="${left - 4}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" ${SVG_FONT}>${escapeHtml(value.toLocaleString('en-US'))}</text>`
    );
  });
  const every = tickEvery(labels, plotWidth, UNIT);
  const ticks = labels
    .map((label, index) => (index % every === 0 ? `<text x="${x(index).toFixed(1)}" y="${top + plotHeight + 14}" text-anchor="middle" ${SVG_FONT}>${escapeHtml(label)}</text>` : ''))
    .join('');
  // Lines differ by dash and marker as well as colour (printed in grey, or read by the colour-blind).
  const lines = series.map((line, seriesIndex) => {
    const colour = colourAt(seriesIndex);
    const path = line.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
    const dash = DASHES[seriesIndex % DASHES.length];
    const markers = line.points.length <= MAX_MARKERS ? line.points.map((point, index) => marker(seriesIndex, x(index), y(point.value), colour)).join('') : '';
    return (
      `<g class="series"><title>${escapeHtml(line.name)}</title>` +
      `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${markers}</g>`
    );
  });
  const ends = series.map((line) => y(line.points.at(-1)?.value ?? 0));
  const labelY = spreadLabels(ends, 12, top, top + plotHeight);
  const direct = series.map((line, index) =>
    line.points.length === 0 ? '' : `<text class="direct-label" x="${(left + plotWidth + 6).toFixed(1)}" y="${(labelY[index]! + 4).toFixed(1)}" fill="${colourAt(index)}" ${SVG_FONT}>${escapeHtml(names[index]!)}</text>`,
  );
  const legend = series.map((line, index) => {
    const legendX = left + index * 140;
    const legendY = top + plotHeight + 34;
    const dash = DASHES[index % DASHES.length];
    return `<line x1="${legendX - 4}" y1="${legendY - 4}" x2="${legendX + 14}" y2="${legendY - 4}" stroke="${colourAt(index)}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${marker(index, legendX + 5, legendY - 4, colourAt(index))}<text x="${legendX + 18}" y="${legendY}" ${SVG_FONT}>${escapeHtml(line.name)}</text>`;
  });
  return svgElement(name, title, width, top + plotHeight + 44, grid.join('') + ticks + lines.join('') + direct.join('') + legend.join(''));
}
