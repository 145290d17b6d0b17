import { escapeHtml } from '@custcode/audit';
import type { ChartPoint } from '../report-types.js';
import { colourAt, pieSlices, polar } from './palette.js';
import { svgElement, SVG_FONT } from './svg-element.js';

/** A pie with a legend on the right (value and share per slice). */
export function pieChart(name: string, title: string, points: readonly ChartPoint[]): string {
  const radius = 80;
  const centre = 95;
  const total = points.reduce((sum, point) => sum + point.value, 0);
  const slices = pieSlices(points.map((point) => point.value)).map(({ index, start, end }) => {
    const point = points[index]!;
    const tip = `${point.label}: ${point.value} (${((point.value / total) * 100).toFixed(1)}%)`;
    if (end - start >= Math.PI * 2 - 1e-9) {
      return `<circle class="slice" cx="${centre}" cy="${centre}" r="${radius}" fill="${colourAt(index)}"><title>${escapeHtml(tip)}</title></circle>`;
    }
    const [x1, y1] = polar(centre, centre, radius, start);
    const [x2, y2] = polar(centre, centre, radius, end);
    const large = end - start > Math.PI ? 1 : 0;
    return (
      `<path class="slice" d="M${centre},${centre} L${x1.toFixed(2)},${y1.toFixed(2)} A${radius},${radius} 0 ${large} 1 ${x2.toFixed(2)},${y2.toFixed(2)} Z" fill="${colourAt(index)}">` +
      `<title>${escapeHtml(tip)}</title></path>`
    );
  });
  const legend = points.map((point, index) => {
    const y = 14 + index * 18;
    const share = total === 0 ? 0 : (point.value / total) * 100;
    return (
      `<rect x="200" y="${y - 9}" width="10" height="10" fill="${colourAt(index)}"/>` +
      `<text x="216" y="${y}" ${SVG_FONT}>${escapeHtml(`${point.label}  ${point.value.toLocaleString('en-US')} (${share.toFixed(1)}%)`)}</text>`
    );
  });
  const height = Math.max(2 * centre, points.length * 18 + 20);
  return svgElement(name, title, 480, height, slices.join('') + legend.join(''));
}
