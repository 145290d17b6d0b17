import { type Lang, translate } from '@custcode/core/messages';
import type { GapFinding, SerialCoverage } from '../audit-types.js';
import { clipLabel } from './chart-label.js';
import { escapeHtml } from './escape-html.js';

export interface Bar {
  label: string;
  value: number;
}

const FONT = 'font-family="system-ui, sans-serif" font-size="11"';
const format = (value: number) => value.toLocaleString('en-US');

/** Vertical bars with labels underneath (the code length histogram). */
export function columnChart(name: string, title: string, bars: readonly Bar[], axisLabel: string): string {
  const width = Math.max(320, bars.length * 36 + 40);
  const height = 200;
  const plotHeight = 140;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const step = (width - 40) / Math.max(1, bars.length);
  const columns = bars.map((bar, index) => {
    const barHeight = Math.round((bar.value / max) * plotHeight);
    const x = 30 + index * step;
    const y = 20 + plotHeight - barHeight;
    return (
      `<g class="bar"><title>${escapeHtml(`${bar.label}: ${format(bar.value)}`)}</title>` +
      `<rect x="${x.toFixed(1)}" y="${y}" width="${(step * 0.7).toFixed(1)}" height="${barHeight}" fill="#3b82f6"/>` +
      `<text x="${(x + step * 0.35).toFixed(1)}" y="${y - 3}" text-anchor="middle" ${FONT}>${escapeHtml(format(bar.value))}</text>` +
      `<text x="${(x + step * 0.35).toFixed(1)}" y="${20 + plotHeight + 14}" text-anchor="middle" ${FONT}>${escapeHtml(bar.label)}</text></g>`
    );
  });
  const axis =
    `<line x1="26" y1="${20 + plotHeight + 0.5}" x2="${width - 6}" y2="${20 + plotHeight + 0.5}" stroke="#9ca3af"/>` +
    `<text x="${width / 2}" y="${height - 6}" text-anchor="middle" ${FONT} fill="#6b7280">${escapeHtml(axisLabel)}</text>`;
  return svg(name, title, width, height, axis + columns.join(''));
}

/** Horizontal bars with labels on the left (prefixes, findings by kind). */
export function barChart(name: string, title: string, bars: readonly Bar[], colour = '#3b82f6'): string {
  const rowHeight = 20;
  const labelWidth = 150;
  const width = 560;
  const height = Math.max(40, bars.length * rowHeight + 10);
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, index) => {
    const y = 5 + index * rowHeight;
    const length = Math.round((bar.value / max) * (width - labelWidth - 70));
    return (
      `<g class="bar"><title>${escapeHtml(`${bar.label}: ${format(bar.value)}`)}</title>` +
      // Cut to the label column (full text in the title): a long name would run off the chart's left edge.
      `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end" ${FONT}>${escapeHtml(clipLabel(bar.label, 22))}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${Math.max(bar.value > 0 ? 1 : 0, length)}" height="${rowHeight - 6}" fill="${colour}"/>` +
      `<text x="${labelWidth + length + 4}" y="${y + 13}" ${FONT}>${escapeHtml(format(bar.value))}</text></g>`
    );
  });
  return svg(name, title, width, height, rows.join(''));
}

/** One track per counter from its first to its last serial; gaps drawn in red (amber when the rule allows them). */
export function coverageChart(name: string, title: string, coverage: readonly SerialCoverage[], gaps: readonly GapFinding[], maxSeries = 40, lang: Lang = 'en'): string {
  const shown = [...coverage].sort((a, b) => b.missing - a.missing || (a.prefix < b.prefix ? -1 : 1)).slice(0, maxSeries);
  const gapsByPrefix = new Map<string, GapFinding[]>();
  for (const gap of gaps) {
    const list = gapsByPrefix.get(gap.prefix) ?? [];
    if (list.length < 500) list.push(gap);
    gapsByPrefix.set(gap.prefix, list);
  }
  const rowHeight = 22;
  const labelWidth = 130;
  const trackWidth = 380;
  const width = labelWidth + trackWidth + 120;
  const height = Math.max(40, shown.length * rowHeight + 10);
  const rows = shown.map((series, index) => {
    const y = 5 + index * rowHeight;
    const span = Math.max(1, series.last - series.first + 1);
    const at = (serial: number) => labelWidth + ((serial - series.first) / span) * trackWidth;
    const marks = (gapsByPrefix.get(series.prefix) ?? []).map((gap) =>
      `<rect class="gap" x="${at(gap.from).toFixed(1)}" y="${y + 2}" width="${Math.max(1, at(gap.to + 1) - at(gap.from)).toFixed(1)}" height="${rowHeight - 8}" fill="${gap.legitimate ? '#f59e0b' : '#dc2626'}"><title>${escapeHtml(`${gap.prefix}: ${gap.from}–${gap.to} missing${gap.legitimate ? ' (allowed by the rule)' : ''}`)}</title></rect>`,
    );
    const share = ((series.present / (series.present + series.missing)) * 100).toFixed(1);
    return (
      `<g class="series"><text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end" ${FONT}>${escapeHtml(series.prefix || translate(lang, 'audit.digitsOnly'))}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${trackWidth}" height="${rowHeight - 8}" fill="#22c55e"><title>${escapeHtml(`${series.prefix}: ${series.first}–${series.last}, ${translate(lang, 'audit.coverageTrack', { present: series.present, missing: series.missing })}`)}</title></rect>` +
      marks.join('') +
      `<text x="${labelWidth + trackWidth + 6}" y="${y + 13}" ${FONT}>${escapeHtml(`${share}% (${translate(lang, 'audit.coverageMissing', { n: format(series.missing) })})`)}</text></g>`
    );
  });
  return svg(name, title, width, height, rows.join(''));
}

function svg(name: string, title: string, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${escapeHtml(name)}" role="img" aria-label="${escapeHtml(title)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`
  );
}
