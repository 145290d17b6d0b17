import type { ReportChart } from '../report-types.js';
import { clipLabel, colourAt, labelUnits, niceMax, pieSlices, polar, spreadLabels, tickEvery } from '../svg/palette.js';

/** The parts of a pdfkit document the charts draw with. */
export type PdfDocument = PDFKit.PDFDocument;

export const CHART_HEIGHT = 190;

const number = (value: number) => value.toLocaleString('en-US');

/** Draws a chart as vector graphics in a box at (x, y), CHART_HEIGHT high. */
export function drawChart(document: PdfDocument, chart: ReportChart, x: number, y: number, width: number): void {
  document.fillColor('black').fontSize(10).text(chart.title, x, y, { lineBreak: false });
  const top = y + 16;
  const first = chart.series[0]?.points ?? [];
  document.fontSize(7);
  if (chart.kind === 'bar') drawBars(document, first, x, top, width);
  else if (chart.kind === 'pie') drawPie(document, first, x, top);
  else drawLines(document, chart, x, top, width);
  document.fillColor('black').strokeColor('black');
}

function drawBars(document: PdfDocument, points: ReportChart['series'][number]['points'], x: number, top: number, width: number): void {
  const shown = points.slice(0, 13);
  const rowHeight = Math.min(13, (CHART_HEIGHT - 20) / Math.max(1, shown.length));
  const labelWidth = 130;
  const max = Math.max(1, ...shown.map((point) => point.value));
  shown.forEach((point, index) => {
    const rowY = top + index * rowHeight;
    const length = (point.value / max) * (width - labelWidth - 60);
    // Cut to the label column: a long class name would otherwise run into the chart beside it.
    document.fillColor('black').text(clipLabel(point.label, 34), x, rowY + 2, { width: labelWidth - 6, align: 'right', lineBreak: false, height: rowHeight });
    document.rect(x + labelWidth, rowY + 1, Math.max(point.value > 0 ? 1 : 0, length), rowHeight - 3).fill(colourAt(0));
    document.fillColor('black').text(number(point.value), x + labelWidth + length + 4, rowY + 2, { lineBreak: false });
  });
}

function drawPie(document: PdfDocument, points: ReportChart['series'][number]['points'], x: number, top: number): void {
  const radius = 70;
  const centreX = x + radius + 5;
  const centreY = top + radius + 5;
  const total = points.reduce((sum, point) => sum + point.value, 0);
  for (const { index, start, end } of pieSlices(points.map((point) => point.value))) {
    document.moveTo(centreX, centreY);
    const steps = Math.max(2, Math.ceil((end - start) / 0.05));
    for (let step = 0; step <= steps; step++) {
      const [pointX, pointY] = polar(centreX, centreY, radius, start + ((end - start) * step) / steps);
      document.lineTo(pointX, pointY);
    }
    document.closePath().fill(colourAt(index));
  }
  points.forEach((point, index) => {
    const legendY = top + 5 + index * 13;
    document.rect(x + 2 * radius + 25, legendY, 8, 8).fill(colourAt(index));
    const share = total === 0 ? 0 : (point.value / total) * 100;
    document.fillColor('black').text(`${point.label}  ${number(point.value)} (${share.toFixed(1)}%)`, x + 2 * radius + 37, legendY + 1, { lineBreak: false });
  });
}

const PDF_DASHES: ReadonlyArray<readonly [number, number] | undefined> = [undefined, [5, 3], [1.5, 2], [6, 2]];
/** Points per half-width unit of the 7pt chart font. */
const UNIT = 3.6;

function drawLines(document: PdfDocument, chart: ReportChart, x: number, top: number, width: number): void {
  const labels = chart.series[0]?.points.map((point) => point.label) ?? [];
  const names = chart.series.map((line) => clipLabel(line.name, 18));
  const left = x + 36;
  // Room at the right for each line's name at its end.
  const plotWidth = width - 50 - Math.max(0, ...names.map(labelUnits)) * UNIT;
  const plotHeight = CHART_HEIGHT - 60;
  const max = niceMax(Math.max(0, ...chart.series.flatMap((line) => line.points.map((point) => point.value))));
  const pointX = (index: number) => left + (labels.length <= 1 ? plotWidth / 2 : (index / (labels.length - 1)) * plotWidth);
  const pointY = (value: number) => top + plotHeight - (value / max) * plotHeight;
  for (const fraction of [0, 0.5, 1]) {
    document.moveTo(left, pointY(max * fraction)).lineTo(left + plotWidth, pointY(max * fraction)).lineWidth(0.5).stroke('#d1d5db');
    document.fillColor('black').text(number(max * fraction), x, pointY(max * fraction) - 3, { width: 32, align: 'right', lineBreak: false });
  }
  const every = tickEvery(labels, plotWidth, UNIT);
  labels.forEach((label, index) => {
    if (index % every === 0) document.fillColor('black').text(label, pointX(index) - 30, top + plotHeight + 4, { width: 60, align: 'center', lineBreak: false });
  });
  const labelY = spreadLabels(chart.series.map((line) => pointY(line.points.at(-1)?.value ?? 0)), 9, top, top + plotHeight);
  chart.series.forEach((line, seriesIndex) => {
    // Dashes as well as colours: a printed report is often black and white.
    const dash = PDF_DASHES[seriesIndex % PDF_DASHES.length];
    if (dash) document.dash(dash[0], { space: dash[1] });
    line.points.forEach((point, index) => (index === 0 ? document.moveTo(pointX(index), pointY(point.value)) : document.lineTo(pointX(index), pointY(point.value))));
    if (line.points.length > 0) {
      document.lineWidth(1.5).stroke(colourAt(seriesIndex));
      document.fillColor(colourAt(seriesIndex)).text(names[seriesIndex]!, left + plotWidth + 4, labelY[seriesIndex]! - 3, { lineBreak: false });
    }
    document.undash();
    const legendX = left + seriesIndex * 120;
    document.rect(legendX, top + plotHeight + 20, 8, 8).fill(colourAt(seriesIndex));
    document.fillColor('black').text(line.name, legendX + 12, top + plotHeight + 21, { lineBreak: false });
  });
  document.lineWidth(1);
}
