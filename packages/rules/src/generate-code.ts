import { ConfigError } from '@custcode/core';
import { buildCounterKey } from './counter-key.js';
import { assembleCode, renderTexts } from './render-code.js';
import type { GapMode, GeneratedCode, GenerateOptions, RuleContext, RuleSegment } from './rule-types.js';
import type { SequenceRange, SequenceStore } from './sequence/sequence-store.js';

const DEFAULT_LEASE_MS = 5 * 60_000;
const noop = async (): Promise<void> => undefined;

export interface GenerationPlan {
  segments: readonly RuleSegment[];
  timeZone: string;
  mode: GapMode;
  pattern: string;
}

function serialOf(plan: GenerationPlan): { range: SequenceRange } {
  const serial = plan.segments.find((segment) => segment.type === 'seq');
  if (!serial || serial.type !== 'seq') {
    throw new ConfigError({ message: `The rule ${JSON.stringify(plan.pattern)} has no {seq:N} serial, so it cannot generate codes.`, hint: 'Add a serial such as {seq:4}; presets like uscc and sap-kunnr only validate.' });
  }
  return { range: { start: serial.start ?? 1, step: serial.step ?? 1, max: serial.max ?? 10 ** serial.width - 1 } };
}

function prepare(plan: GenerationPlan, context: RuleContext): { texts: (string | undefined)[]; key: string; range: SequenceRange } {
  const { range } = serialOf(plan);
  const { texts, date } = renderTexts(plan.segments, context, plan.timeZone);
  const key = buildCounterKey(plan.segments, texts, date) as string;
  return { texts, key, range };
}

export async function generateCode(plan: GenerationPlan, context: RuleContext, store: SequenceStore, options: GenerateOptions = {}): Promise<GeneratedCode> {
  const { texts, key, range } = prepare(plan, context);
  const make = (serial: number, preview: boolean, confirm = noop, release = noop): GeneratedCode => ({
    code: assembleCode(plan.segments, texts, serial), serial, counterKey: key, preview, confirm, release,
  });
  if (options.preview) {
    const [value] = await store.peek(key, range, 1, plan.mode);
    return make(value as number, true);
  }
  if (plan.mode === 'fast') return make(await store.next(key, range), false);
  const reservation = await store.reserve(key, range, options.leaseMs ?? DEFAULT_LEASE_MS);
  return make(
    reservation.value,
    false,
    () => store.confirm(key, reservation.token),
    () => store.release(key, reservation.token),
  );
}

export async function previewCodes(plan: GenerationPlan, context: RuleContext, store: SequenceStore, count: number): Promise<string[]> {
  const { texts, key, range } = prepare(plan, context);
  const values = await store.peek(key, range, count, plan.mode);
  return values.map((value) => assembleCode(plan.segments, texts, value));
}
