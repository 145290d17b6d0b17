import { characterClass, codeShape } from './code-shape.js';

/** A template is accepted next to the dominant one when it covers at least this share of the dominant's count. */
const ACCEPTED_SHARE = 0.1;

/**
 * The template of every all-digit code, whatever its length: SAP shows numeric codes without their
 * leading zeros (ALPHA output), so `7`, `4711` and `100037` belong to one numbering scheme.
 */
export const ALL_DIGITS_TEMPLATE = '9…';

export interface InferredPattern {
  dominant: string;
  accepted: Set<string>;
  /** `KH + 6 digits`-style description of the dominant template. */
  description: string;
}

/** The dominant code template and the templates common enough to be a second numbering scheme. */
export function inferPattern(templateCounts: Map<string, number>): InferredPattern | undefined {
  let dominant: string | undefined;
  let dominantCount = 0;
  for (const [template, count] of templateCounts) {
    if (count > dominantCount) {
      dominant = template;
      dominantCount = count;
    }
  }
  if (dominant === undefined) return undefined;
  const accepted = new Set<string>();
  for (const [template, count] of templateCounts) {
    if (count >= Math.max(2, dominantCount * ACCEPTED_SHARE)) accepted.add(template);
  }
  return { dominant, accepted, description: describeTemplate(dominant) };
}

/** `KH999999` → `KH + 6 digits`; `999999` → `6 digits`. */
export function describeTemplate(template: string): string {
  if (template === ALL_DIGITS_TEMPLATE) return 'digits only (any length)';
  const parts: string[] = [];
  let index = 0;
  while (index < template.length) {
    let end = index;
    if (template[index] === '9') {
      while (end < template.length && template[end] === '9') end++;
      parts.push(`${end - index} digit${end - index === 1 ? '' : 's'}`);
    } else {
      while (end < template.length && template[end] !== '9') end++;
      parts.push(template.slice(index, end));
    }
    index = end;
  }
  return parts.join(' + ');
}

/** Why a code (in its comparable form: NFKC, trimmed, upper case) deviates from the accepted templates. */
export function explainDeviation(comparable: string, pattern: InferredPattern): string[] {
  const reasons: string[] = [];
  const shape = codeShape(comparable);
  const reference = closestTemplate(shape.prefix, pattern);
  if (reference === ALL_DIGITS_TEMPLATE) return ['not all digits, unlike the dominant pattern (digits only, any length)'];
  const referenceShape = codeShape(reference);
  const allowed = new Set<string>();
  for (const character of reference) allowed.add(characterClass(character));
  const foreign = new Set<string>();
  for (const character of comparable) {
    const kind = characterClass(character);
    if (!allowed.has(kind)) foreign.add(kind);
  }
  if (foreign.size > 0) reasons.push(`characters outside the pattern ${describeTemplate(reference)}: ${[...foreign].join(', ')}`);
  if (shape.prefix !== referenceShape.prefix) {
    reasons.push(`prefix ${JSON.stringify(shape.prefix)} instead of ${JSON.stringify(referenceShape.prefix)}`);
  }
  if (comparable.length !== reference.length) reasons.push(`length ${comparable.length} instead of ${reference.length}`);
  if (reasons.length === 0) reasons.push(`pattern ${describeTemplate(shape.template)} instead of ${describeTemplate(reference)}`);
  return reasons;
}

/** The accepted template with the same prefix, else the dominant one. */
function closestTemplate(prefix: string, pattern: InferredPattern): string {
  for (const template of pattern.accepted) {
    if (template !== pattern.dominant && codeShape(template).prefix === prefix) return template;
  }
  return pattern.dominant;
}
