import { createHash } from 'node:crypto';
import { audit, renderAuditHtml } from '@custcode/audit';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The hashes of the audit report's inline `<style>` and `<script>`. The console shows the report in a
 * sandboxed `srcdoc` frame, which inherits the console's CSP: allowing exactly these two blocks by hash
 * lets the report render and filter while every other inline style or script stays refused. They are
 * constant text (no data is embedded in them), so an empty report's are every report's.
 */
export async function auditInlineHashes(): Promise<{ style: string[]; script: string[] }> {
  const html = renderAuditHtml(await audit([]));
  const hashes = { style: [] as string[], script: [] as string[] };
  for (const [, tag, body] of html.matchAll(/<(style|script)>([\s\S]*?)<\/\1>/g)) hashes[tag as 'style' | 'script'].push(sha256(body!));
  return hashes;
}

/** The console page's Content-Security-Policy: own origin only, no inline code but the audit report's two blocks, no framing. */
export function consolePolicy(hashes: { style: string[]; script: string[] }): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    `style-src 'self' ${hashes.style.join(' ')}`.trim(),
    `script-src 'self' ${hashes.script.join(' ')}`.trim(),
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
