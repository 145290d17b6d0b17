import { escapeHtml } from '@custcode/audit';
import type { ChartSeries } from '../report-types.js';
import { colourAt, niceMax } from './palette.js';
import { svgElement, SVG_FONT } from './svg-element.js';

/** Lines over shared x labels (months), y axis from 0, a legend underneath; labels thinned to fit. */
export function lineChart(name: string, title: string, series: readonly ChartSeries[]): string {
  const labels = series[0]?.points.map((point) => point.label) ?? [];
  const width = 640;
  const left = 44;
  const top = 10;
  const plotWidth = width - left - 16;
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
  const every = Math.max(1, Math.ceil(labels.length / 10));
  const ticks = labels
    .map((label, index) => (index % every === 0 ? `<text x="${x(index).toFixed(1)}" y="${top + plotHeight + 14}" text-anchor="middle" ${SVG_FONT}>${escapeHtml(label)}</text>` : ''))
    .join('');
  const lines = series.map((line, seriesIndex) => {
    const path = line.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
    return (
      `<g class="series"><title>${escapeHtml(line.name)}</title>` +
      `<path d="${path}" fill="none" stroke="${colourAt(seriesIndex)}" stroke-width="2"/></g>`
    );
  });
  const legend = series.map((line, index) => {
    const legendX = left + index * 140;
    const legendY = top + plotHeight + 34;
    return `<rect x="${legendX}" y="${legendY - 9}" width="10" height="10" fill="${colourAt(index)}"/><text x="${legendX + 14}" y="${legendY}" ${SVG_FONT}>${escapeHtml(line.name)}</text>`;
  });
  return svgElement(name, title, width, top + plotHeight + 44, grid.join('') + ticks + lines.join('') + legend.join(''));
}
