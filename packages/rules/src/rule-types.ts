import type { ValidationResult } from '@custcode/core/validators';
import type { SequenceStore } from './sequence/sequence-store.js';

export const DATE_PARTS = ['YYYY', 'YY', 'MM', 'DD'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export const FIELD_PARTS = ['category', 'region', 'org'] as const;
export type FieldPart = (typeof FIELD_PARTS)[number];
export const CHAR_CLASSES = ['digits', 'letters', 'alnum', 'uscc-char'] as const;
export type CharClass = (typeof CHAR_CLASSES)[number];
export const CHECK_ALGORITHMS = ['luhn', 'mod10', 'iso7064-11-2', 'iso7064-37-36', 'mod97', 'gb11714', 'uscc'] as const;
export type CheckAlgorithm = (typeof CHECK_ALGORITHMS)[number];
export const RESET_PERIODS = ['never', 'year', 'month', 'day'] as const;
export type ResetPeriod = (typeof RESET_PERIODS)[number];
export const GAP_MODES = ['fast', 'no-gap'] as const;
/** `fast`: a drawn number is consumed at once (gaps when callers abandon it); `no-gap`: consumed on confirm. */
export type GapMode = (typeof GAP_MODES)[number];
/** Which other parts key the serial counter; `all` (default) = the resolved text of every other segment. */
export type SerialScope = 'all' | 'none' | (DatePart | FieldPart)[];

/** One segment of a rule: the JSON form of a rule is an array of these. */
export type RuleSegment =
  | { type: 'literal'; text: string }
  | { type: 'date'; part: DatePart }
  | { type: 'field'; field: FieldPart; length: number }
  | { type: 'chars'; class: CharClass; min: number; max: number }
  /** SAP ALPHA conversion: all digits → exactly `length` digits zero-padded, else 1..length alphanumerics. */
  | { type: 'alpha'; length: number }
  | {
      type: 'seq';
      width: number;
      start?: number;
      step?: number;
      reset?: ResetPeriod;
      max?: number;
      scope?: SerialScope;
      mode?: GapMode;
    }
  | { type: 'check'; algorithm: CheckAlgorithm }
  /** U8 编码方案: hierarchical class codes, each level's length; must be the only segment. */
  | { type: 'grades'; levels: number[] };

export interface RuleOptions {
  /** IANA time zone for date parts when a date has no offset or is "now" (default Asia/Shanghai). */
  timeZone?: string;
  /** Overrides the serial's `mode` option. */
  mode?: GapMode;
}

/** A rule: a pattern (`KH{YYYY}{seq:4}`), a preset (`uscc`, `grades:2-3-3-4`, `erpnext:…`, `odoo:…`), JSON text, or segments. */
export type RuleInput = string | readonly RuleSegment[] | { segments: readonly RuleSegment[]; timeZone?: string };

/** A date as a record carries it: a Date, or an ISO string (zone-less = local time in the rule's time zone). */
export type RuleDate = Date | string;

export interface RuleContext {
  category?: string;
  region?: string;
  org?: string;
  /** Creation date of the record (default: now). */
  date?: RuleDate;
  /** Text for `{digits:…}`/`{letters:…}`/`{alnum:…}`/`{alpha:…}` segments, by segment index. */
  values?: Readonly<Record<number, string>>;
  /** Grades rules: the parent class code whose next child is generated ('' = a top-level code). */
  parent?: string;
}

export interface ParsedSegment {
  type: RuleSegment['type'];
  /** 0-based start in the code. */
  position: number;
  text: string;
}

export interface ParsedCode {
  code: string;
  segments: ParsedSegment[];
  /** The serial number, when the rule has `{seq}` (for grades rules: the last level as a number, when numeric). */
  serial?: number;
  /** The counter the serial was drawn from; undefined when it depends on a date the code does not carry. */
  counterKey?: string;
  date?: { year?: number; month?: number; day?: number };
  fields: Partial<Record<FieldPart, string>>;
  /** Grades rules: the code of each level, outermost first, and the parent code ('' for a top-level code). */
  levels?: string[];
  parent?: string;
}

export interface GenerateOptions {
  /** Compute the code without consuming a number. */
  preview?: boolean;
  /** No-gap mode: how long a drawn number stays held before it is reissued (default 5 minutes). */
  leaseMs?: number;
}

export interface GeneratedCode {
  code: string;
  serial: number;
  counterKey: string;
  preview: boolean;
  /** No-gap mode: marks the number as used. A no-op in fast mode and for previews. */
  confirm(): Promise<void>;
  /** No-gap mode: gives the number back so it is reissued. A no-op in fast mode (the number is lost: a gap). */
  release(): Promise<void>;
}

export interface RuleExplanation {
  en: string;
  zh: string;
}

export interface CompiledRule {
  /** The rule as a canonical pattern string. */
  readonly pattern: string;
  readonly segments: readonly RuleSegment[];
  readonly gapPolicy: GapMode;
  readonly mode: GapMode;
  readonly timeZone: string;
  readonly minLength: number;
  readonly maxLength: number;
  validate(code: string): ValidationResult;
  parse(code: string, context?: { date?: RuleDate }): ParsedCode | undefined;
  explain(): RuleExplanation;
  format(parts: RuleContext & { serial?: number }): string;
  generate(context: RuleContext, store: SequenceStore, options?: GenerateOptions): Promise<GeneratedCode>;
  /** The next `count` codes without consuming them. */
  preview(context: RuleContext, store: SequenceStore, count?: number): Promise<string[]>;
}
