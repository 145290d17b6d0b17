import { redactSecrets } from '@custcode/core/adapter';

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, cursor and clear-screen
 * sequences; BEL ends OSC titles and hyperlinks; CR and LF overwrite or fake lines), DEL, C1 controls
 * (U+009B is a one-character CSI), and the bidirectional overrides and isolates that reorder what is shown
 * (Trojan Source, CVE-2021-42574).
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (character: string) => {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text from records, files or the command line made safe for a terminal: every control character is shown
 * as an escape (`\x1b`, `\x07`, `\x0a`, `\u202e`) instead of being acted on. Only human output uses this;
 * JSON output stays exact.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** A line of a message for a person: URLs and known secrets redacted, control characters escaped. */
export function humanLine(text: string, secrets: readonly string[] = []): string {
  return escapeControls(redactSecrets(text, secrets));
}
