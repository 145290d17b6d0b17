import { CHECK_DEFINITIONS } from './check-algorithms.js';
import { CHAR_SETS, FIELD_CHARS, literalSet, regexClass, type CharSet } from './char-classes.js';
import { maximumWidth, minimumWidth } from './check-rule-semantics.js';
import type { RuleSegment } from './rule-types.js';

/** Where each segment of a rule sits in a code, and which characters each position takes. */
export interface RuleLayout {
  readonly segments: readonly RuleSegment[];
  readonly minLength: number;
  readonly maxLength: number;
  /** Set when every segment has a fixed width. */
  readonly fixed: boolean;
  /** Characters each segment accepts, per position for fixed segments (one entry per character). */
  readonly segmentSets: readonly CharSet[][];
  /** Start of each segment plus the end, or undefined when the code does not have the rule's shape. */
  locate(code: string): Int32Array | undefined;
}

const digitSet = CHAR_SETS.digits;

export function segmentCharSets(segment: RuleSegment): CharSet[] {
  const width = minimumWidth(segment);
  switch (segment.type) {
    case 'literal':
      return segment.text.split('').map(literalSet);
    case 'field':
      return Array.from({ length: width }, () => FIELD_CHARS);
    case 'chars':
      // A variable-width class is one entry (the regex repeats it); a fixed one has an entry per character.
      return Array.from({ length: segment.min === segment.max ? segment.min : 1 }, () => CHAR_SETS[segment.class]);
    case 'alpha':
      return [CHAR_SETS.alnum];
    case 'check': {
      const definition = CHECK_DEFINITIONS[segment.algorithm];
      const set = checkSet(definition.alphabet);
      return Array.from({ length: definition.width }, () => set);
    }
    default:
      return Array.from({ length: width }, () => digitSet);
  }
}

const checkSets = new Map<string, CharSet>();
function checkSet(alphabet: string): CharSet {
  let set = checkSets.get(alphabet);
  if (!set) {
    const table = new Uint8Array(128);
    for (const character of alphabet) table[character.charCodeAt(0)] = 1;
    set = { table, nonAscii: false, label: `one of ${alphabet}` };
    checkSets.set(alphabet, set);
  }
  return set;
}

export function isVariable(segment: RuleSegment): boolean {
  return minimumWidth(segment) !== maximumWidth(segment) || segment.type === 'alpha';
}

export function buildLayout(segments: readonly RuleSegment[]): RuleLayout {
  const segmentSets = segments.map(segmentCharSets);
  const minLength = segments.reduce((sum, segment) => sum + minimumWidth(segment), 0);
  const maxLength = segments.reduce((sum, segment) => sum + maximumWidth(segment), 0);
  const fixed = !segments.some(isVariable);
  if (fixed) {
    const positions: CharSet[] = segmentSets.flat();
    const tables = positions.map((set) => set.table);
    const nonAscii = positions.map((set) => set.nonAscii);
    const offsets = new Int32Array(segments.length + 1);
    segments.forEach((segment, index) => (offsets[index + 1] = (offsets[index] as number) + minimumWidth(segment)));
    const length = minLength;
    // Hot path: one pass over the characters, no allocation.
    const locate = (code: string): Int32Array | undefined => {
      if (code.length !== length) return undefined;
      for (let index = 0; index < length; index++) {
        const charCode = code.charCodeAt(index);
        if (charCode < 128 ? (tables[index] as Uint8Array)[charCode] !== 1 : !nonAscii[index]) return undefined;
      }
      return offsets;
    };
    return { segments, minLength, maxLength, fixed, segmentSets, locate };
  }
  const source = segments
    .map((segment, index) => {
      const sets = segmentSets[index] as CharSet[];
      if (segment.type === 'literal') return `(${segment.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`;
      if (isVariable(segment)) return `(${regexClass(sets[0] as CharSet)}{${minimumWidth(segment)},${maximumWidth(segment)}})`;
      return `(${sets.map(regexClass).join('')})`;
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  const locate = (code: string): Int32Array | undefined => {
    const match = regex.exec(code);
    if (!match) return undefined;
    const offsets = new Int32Array(segments.length + 1);
    for (let index = 0; index < segments.length; index++) {
      offsets[index + 1] = (offsets[index] as number) + (match[index + 1] as string).length;
    }
    return offsets;
  };
  return { segments, minLength, maxLength, fixed, segmentSets, locate };
}
