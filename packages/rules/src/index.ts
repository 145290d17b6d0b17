export { compileRule, DEFAULT_TIME_ZONE } from './compile-rule.js';
export { resolveRule } from './resolve-rule.js';
export { segmentsPattern } from './segment-pattern.js';
export { createMemorySequenceStore } from './sequence/memory-sequence-store.js';
export { createFileSequenceStore, type FileSequenceStoreOptions } from './sequence/file-sequence-store.js';
export {
  newCounterState, takeNext, reserveNext, confirmHold, releaseHold, peekNumbers, overflowError, type CounterState,
} from './sequence/sequence-state.js';
export { createPreviewSequenceStore } from './sequence/preview-sequence-store.js';
export type { SequenceStore, SequenceRange, SequenceReservation } from './sequence/sequence-store.js';
export {
  CHECK_ALGORITHMS, CHAR_CLASSES, DATE_PARTS, FIELD_PARTS, GAP_MODES, RESET_PERIODS,
  type CheckAlgorithm, type CharClass, type CompiledRule, type DatePart, type FieldPart, type GapMode,
  type GeneratedCode, type GenerateOptions, type ParsedCode, type ParsedSegment, type ResetPeriod,
  type RuleContext, type RuleDate, type RuleExplanation, type RuleInput, type RuleOptions, type RuleSegment,
  type SerialScope,
} from './rule-types.js';
