import type { ParsedCode } from '@custcode/rules';
import { digitValue } from './code-shape.js';

export interface SerialReading {
  serial: number;
  counterKey: string;
}

interface FixedLayout {
  serialStart: number;
  serialEnd: number;
  /** [start, end) of the text the counter key depends on: everything but the serial and check characters. */
  keyParts: Array<[number, number]>;
}

const isDigits = (code: string, start: number, end: number) => {
  for (let index = start; index < end; index++) {
    const character = code.charCodeAt(index);
    if (character < 48 || character > 57) return false;
  }
  return true;
};

/** Whether both codes (of the rule's fixed length) have the same text in `parts`. */
function sameParts(code: string, other: string, parts: ReadonlyArray<[number, number]>): boolean {
  for (const [start, end] of parts) {
    for (let index = start; index < end; index++) if (code.charCodeAt(index) !== other.charCodeAt(index)) return false;
  }
  return true;
}

/**
 * Reads serial and counter key of valid codes. `parse` allocates a segment list per code; for a
 * fixed-length rule every valid code has the same layout, so after the first parse the serial is
 * read in place and the counter key is looked up by the text of the other segments.
 */
export function createRuleSerialReader(
  rule: { minLength: number; maxLength: number; parse(code: string): ParsedCode | undefined },
): (code: string) => SerialReading | undefined {
  let layout: FixedLayout | undefined;
  const keys = new Map<string, string>();
  let lastCode: string | undefined;
  let lastCounterKey = '';
  const slow = (code: string): SerialReading | undefined => {
    const parsed = rule.parse(code);
    if (parsed?.serial === undefined) return undefined;
    return { serial: parsed.serial, counterKey: parsed.counterKey ?? '' };
  };
  if (rule.minLength !== rule.maxLength) return slow;

  return (code) => {
    if (layout === undefined) {
      const parsed = rule.parse(code);
      if (parsed?.serial === undefined) return undefined;
      const serial = parsed.segments.find((segment) => segment.type === 'seq');
      if (serial && parsed.segments.every((segment) => segment.type !== 'grades')) {
        layout = {
          serialStart: serial.position,
          serialEnd: serial.position + serial.text.length,
          keyParts: parsed.segments.filter((segment) => segment.type !== 'seq' && segment.type !== 'check').map((segment) => [segment.position, segment.position + segment.text.length]),
        };
      }
      return { serial: parsed.serial, counterKey: parsed.counterKey ?? '' };
    }
    if (code.length !== rule.minLength || !isDigits(code, layout.serialStart, layout.serialEnd)) return slow(code);
    // Consecutive codes usually share the counter key's text (same year, same prefix): compare in place.
    if (lastCode === undefined || !sameParts(code, lastCode, layout.keyParts)) {
      let text = '';
      for (const [start, end] of layout.keyParts) text += code.slice(start, end);
      let counterKey = keys.get(text);
      if (counterKey === undefined) {
        const reading = slow(code);
        if (!reading) return undefined;
        keys.set(text, reading.counterKey);
        counterKey = reading.counterKey;
      }
      lastCode = code;
      lastCounterKey = counterKey;
    }
    return { serial: digitValue(code, layout.serialStart, layout.serialEnd), counterKey: lastCounterKey };
  };
}
