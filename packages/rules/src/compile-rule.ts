import { VALID } from '@custcode/core/validators';
import { type ValidationResult } from '@custcode/core/validators';
import { checkRuleSemantics } from './check-rule-semantics.js';
import { buildCounterKey } from './counter-key.js';
import { calendarDate, checkTimeZone, type CalendarDate } from './date-parts.js';
import { diagnoseCode } from './diagnose-code.js';
import { explainRule } from './explain-rule.js';
import { generateCode, previewCodes, type GenerationPlan } from './generate-code.js';
import { compileGradesRule } from './grades-rule.js';
import { assembleCode, renderTexts } from './render-code.js';
import { resolveRuleInput } from './resolve-rule-input.js';
import { buildLayout } from './rule-layout.js';
import { checkRuleLimits } from './rule-limits.js';
import { buildSemanticChecks, combineChecks, readNumber } from './rule-semantics.js';
import type { CompiledRule, ParsedCode, RuleInput, RuleOptions, RuleSegment } from './rule-types.js';
import { segmentsPattern } from './segment-pattern.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Compiles a rule (pattern, preset, importer, JSON) once into closures: `validate` on a fixed-width rule
 * is a single pass over the characters with no allocation for valid codes.
 */
export function compileRule(rule: RuleInput, options: RuleOptions = {}): CompiledRule {
  const resolved = resolveRuleInput(rule);
  const segments: readonly RuleSegment[] = Object.freeze(resolved.segments.map((segment) => Object.freeze({ ...segment })));
  checkRuleLimits(segments);
  checkRuleSemantics(segments);
  const timeZone = options.timeZone ?? resolved.timeZone ?? DEFAULT_TIME_ZONE;
  checkTimeZone(timeZone);
  const serial = segments.find((segment) => segment.type === 'seq');
  const mode = options.mode ?? (serial?.type === 'seq' ? serial.mode : undefined) ?? 'fast';
  const pattern = segmentsPattern(segments);
  const grades = segments[0]?.type === 'grades' ? segments[0] : undefined;
  if (grades) return compileGradesRule(grades.levels, { pattern, timeZone, mode });

  const layout = buildLayout(segments);
  const semanticRules = buildSemanticChecks(segments);
  const semantics = combineChecks(semanticRules);
  const locate = layout.locate;
  const validate = (code: string): ValidationResult => {
    const offsets = locate(code);
    if (offsets !== undefined && semantics(code, offsets, undefined)) return VALID;
    return diagnoseCode(code, layout, semanticRules);
  };
  const plan: GenerationPlan = { segments, timeZone, mode, pattern };
  const explanation = explainRule(segments, layout.minLength, layout.maxLength, mode, timeZone);

  const parse = (code: string, context: { date?: Date | string } = {}): ParsedCode | undefined => {
    const offsets = locate(code);
    if (!offsets) return undefined;
    const texts = segments.map((_, index) => code.slice(offsets[index], offsets[index + 1]));
    const parsed: ParsedCode = {
      code,
      segments: segments.map((segment, index) => ({ type: segment.type, position: offsets[index] as number, text: texts[index] as string })),
      fields: {},
    };
    const codeDate: Partial<CalendarDate> = {};
    segments.forEach((segment, index) => {
      const text = texts[index] as string;
      if (segment.type === 'seq') parsed.serial = readNumber(code, offsets[index] as number, offsets[index + 1] as number);
      if (segment.type === 'field') parsed.fields[segment.field] = text;
      if (segment.type === 'date') {
        if (segment.part === 'YYYY') codeDate.year = Number(text);
        else if (segment.part === 'YY') codeDate.year ??= 2000 + Number(text);
        else if (segment.part === 'MM') codeDate.month = Number(text);
        else codeDate.day = Number(text);
      }
    });
    if (Object.keys(codeDate).length > 0) parsed.date = { ...codeDate };
    const known = context.date === undefined ? undefined : calendarDate(context.date, timeZone);
    const periodDate = { year: codeDate.year ?? known?.year, month: codeDate.month ?? known?.month, day: codeDate.day ?? known?.day };
    const counterKey = buildCounterKey(segments, texts, periodDate);
    if (counterKey !== undefined && parsed.serial !== undefined) parsed.counterKey = counterKey;
    return parsed;
  };

  return {
    pattern,
    segments,
    gapPolicy: mode,
    mode,
    timeZone,
    minLength: layout.minLength,
    maxLength: layout.maxLength,
    validate,
    parse,
    explain: () => ({ ...explanation }),
    format: (parts) => assembleCode(segments, renderTexts(segments, parts, timeZone).texts, parts.serial),
    generate: (context, store, generateOptions) => generateCode(plan, context, store, generateOptions),
    preview: (context, store, count = 1) => previewCodes(plan, context, store, count),
  };
}
