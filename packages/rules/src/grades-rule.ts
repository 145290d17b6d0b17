import { ConfigError } from '@custcode/core';
import { invalid, VALID } from '@custcode/core/validators';
import { type ValidationIssue, type ValidationResult } from '@custcode/core/validators';
import { accepts, CHAR_SETS } from './char-classes.js';
import { explainRule } from './explain-rule.js';
import type { CompiledRule, GapMode, GeneratedCode, ParsedCode, RuleContext } from './rule-types.js';
import type { SequenceRange, SequenceStore } from './sequence/sequence-store.js';

const noop = async (): Promise<void> => undefined;

/**
 * U8 编码方案 (`grades:2-3-3-4`): a class code is 2, 5, 8 or 12 characters, each level appended to its
 * parent. Generation makes the next child of `context.parent`, counting per parent.
 */
export function compileGradesRule(levels: readonly number[], settings: { pattern: string; timeZone: string; mode: GapMode }): CompiledRule {
  const ends: number[] = [];
  levels.reduce((sum, length) => (ends.push(sum + length), sum + length), 0);
  const maxLength = ends[ends.length - 1] as number;
  const alnum = CHAR_SETS.alnum;
  const segments = Object.freeze([Object.freeze({ type: 'grades' as const, levels: [...levels] })]);
  const explanation = explainRule(segments, ends[0] as number, maxLength, settings.mode, settings.timeZone);

  const validate = (code: string): ValidationResult => {
    const issues: ValidationIssue[] = [];
    if (!ends.includes(code.length)) {
      const next = ends.find((end) => end > code.length);
      issues.push({
        kind: 'length',
        message: `A ${settings.pattern} class code has ${ends.join(', ')} characters; this one has ${code.length}.`,
        position: Math.min(code.length, next ?? maxLength),
      });
    }
    for (let position = 0; position < code.length && position < maxLength; position++) {
      if (!accepts(alnum, code, position)) {
        issues.push({ kind: 'charset', message: `Character ${JSON.stringify(code[position])} is not a digit or upper-case letter.`, position });
        break;
      }
    }
    return issues.length === 0 ? VALID : invalid(issues);
  };

  const levelOf = (parent: string): number => {
    if (parent !== '' && (!ends.includes(parent.length) || !validate(parent).valid)) {
      throw new ConfigError({ message: `The parent ${JSON.stringify(parent)} is not a ${settings.pattern} class code.`, hint: `Use a code of ${ends.join(', ')} characters.` });
    }
    const level = parent === '' ? 0 : ends.indexOf(parent.length) + 1;
    if (level >= levels.length) throw new ConfigError({ message: `The class ${JSON.stringify(parent)} is at the last level of ${settings.pattern}; it cannot have children.` });
    return level;
  };
  const keyOf = (level: number, parent: string) => `L${level + 1}:${parent}`;
  const rangeOf = (level: number): SequenceRange => ({ start: 1, step: 1, max: 10 ** (levels[level] as number) - 1 });
  const childCode = (parent: string, level: number, serial: number) => {
    const text = String(serial).padStart(levels[level] as number, '0');
    if (text.length > (levels[level] as number)) throw new ConfigError({ message: `The serial ${serial} does not fit level ${level + 1} (${levels[level]} characters).` });
    return parent + text;
  };

  const parse = (code: string): ParsedCode | undefined => {
    if (!validate(code).valid) return undefined;
    const levelCodes: string[] = [];
    let start = 0;
    for (const end of ends) {
      if (end > code.length) break;
      levelCodes.push(code.slice(start, end));
      start = end;
    }
    const last = levelCodes[levelCodes.length - 1] as string;
    const parent = code.slice(0, code.length - last.length);
    return {
      code,
      segments: [{ type: 'grades', position: 0, text: code }],
      fields: {},
      levels: levelCodes.map((_, index) => code.slice(0, ends[index])),
      parent,
      ...(/^\d+$/.test(last) ? { serial: Number(last) } : {}),
      counterKey: keyOf(levelCodes.length - 1, parent),
    };
  };

  const generate = async (context: RuleContext, store: SequenceStore, options: { preview?: boolean; leaseMs?: number } = {}): Promise<GeneratedCode> => {
    const parent = context.parent ?? '';
    const level = levelOf(parent);
    const key = keyOf(level, parent);
    const range = rangeOf(level);
    const make = (serial: number, preview: boolean, confirm = noop, release = noop): GeneratedCode => ({
      code: childCode(parent, level, serial), serial, counterKey: key, preview, confirm, release,
    });
    if (options.preview) return make((await store.peek(key, range, 1, settings.mode))[0] as number, true);
    if (settings.mode === 'fast') return make(await store.next(key, range), false);
    const held = await store.reserve(key, range, options.leaseMs ?? 300_000);
    return make(held.value, false, () => store.confirm(key, held.token), () => store.release(key, held.token));
  };

  return {
    pattern: settings.pattern,
    segments,
    gapPolicy: settings.mode,
    mode: settings.mode,
    timeZone: settings.timeZone,
    minLength: ends[0] as number,
    maxLength,
    validate,
    parse,
    explain: () => ({ ...explanation }),
    format: (parts) => {
      const parent = parts.parent ?? '';
      if (parts.serial === undefined) throw new ConfigError({ message: 'Formatting a grades rule needs { parent, serial }.' });
      return childCode(parent, levelOf(parent), parts.serial);
    },
    generate,
    preview: async (context, store, count = 1) => {
      const parent = context.parent ?? '';
      const level = levelOf(parent);
      const values = await store.peek(keyOf(level, parent), rangeOf(level), count, settings.mode);
      return values.map((value) => childCode(parent, level, value));
    },
  };
}
