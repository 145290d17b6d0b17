const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const special = /[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text safe inside HTML elements and quoted attributes; control characters shown as `\uXXXX` (garbled data has them). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    special,
    (character) => replacements[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
