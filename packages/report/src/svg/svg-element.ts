import { escapeHtml } from '@custcode/audit';

/** The font of chart text; CJK fonts listed so that Chinese labels render everywhere. */
export const SVG_FONT = 'font-family="system-ui, \'PingFang SC\', \'Microsoft YaHei\', \'WenQuanYi Micro Hei\', sans-serif" font-size="11"';

/**
 * An `<svg>` element with `data-chart` and an accessible title. Same output as the audit's private `svg()`
 * helper in audit/html/svg-charts.ts; the two should merge into one shared module.
 */
export function svgElement(name: string, title: string, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${escapeHtml(name)}" role="img" aria-label="${escapeHtml(title)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`
  );
}
