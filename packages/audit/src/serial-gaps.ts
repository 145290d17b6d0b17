import type { GapFinding, SerialCoverage } from './audit-types.js';
import { missingRanges, type SerialCollector } from './serial-collector.js';

/** Share of serials that must be present for a series to count as a numbering sequence. */
const MIN_DENSITY = 0.5;

export interface GapResult {
  gaps: GapFinding[];
  coverage: SerialCoverage[];
}

/**
 * Gaps of counters a rule names: every key is a counter (e.g. `KH2024`), serials run from the rule's
 * `start` (when known) to the highest serial seen.
 */
export function ruleGaps(collector: SerialCollector, options: { start?: number; step?: number; legitimate: boolean }): GapResult {
  const result: GapResult = { gaps: [], coverage: [] };
  for (const key of collector.keys().sort()) {
    const serials = collector.sortedDistinct(key);
    const start = options.start !== undefined && options.start <= serials[0]! ? options.start : undefined;
    addSeries(result, key, serials, start, options.legitimate, options.step);
  }
  return result;
}

/**
 * Gaps inferred without a rule. Keys are `head \u0000 width` of codes ending in digits. A series whose
 * leading digits are a date or year (`KH20240001`) is split into one counter per leading part when
 * that makes it dense; a series that stays sparse is not a sequence and reports no gaps.
 */
export function inferredGaps(collector: SerialCollector, isSequenceKey: (key: string) => boolean): GapResult {
  const result: GapResult = { gaps: [], coverage: [] };
  for (const key of collector.keys().sort()) {
    if (!isSequenceKey(key)) continue;
    const [head = '', widthText = '0'] = key.split('\u0000');
    const width = Number(widthText);
    const serials = collector.sortedDistinct(key);
    if (serials.length < 2) continue;
    const split = chooseSplit(serials, width);
    if (split === undefined) continue;
    if (split === 0) {
      addSeries(result, head, serials, undefined, false);
      continue;
    }
    const divisor = 10 ** (width - split);
    let groupStart = 0;
    for (let index = 1; index <= serials.length; index++) {
      const group = Math.floor(serials[groupStart]! / divisor);
      if (index < serials.length && Math.floor(serials[index]! / divisor) === group) continue;
      const part = serials.slice(groupStart, index).map((serial) => serial - group * divisor);
      addSeries(result, head + String(group).padStart(split, '0'), part, undefined, false);
      groupStart = index;
    }
  }
  return result;
}

/** How many leading digits form the counter key (0, 2, 4 or 6), or undefined when no split gives a dense series. */
function chooseSplit(serials: Float64Array, width: number): number | undefined {
  for (const split of [0, 2, 4, 6]) {
    if (split > 0 && (width <= 0 || split > width - 2)) break;
    const divisor = split === 0 ? Number.POSITIVE_INFINITY : 10 ** (width - split);
    let span = 0;
    let groupFirst = serials[0]!;
    let groupId = split === 0 ? 0 : Math.floor(groupFirst / divisor);
    for (let index = 1; index < serials.length; index++) {
      const serial = serials[index]!;
      const id = split === 0 ? 0 : Math.floor(serial / divisor);
      if (id !== groupId) {
        span += serials[index - 1]! - groupFirst + 1;
        groupFirst = serial;
        groupId = id;
      }
    }
    span += serials[serials.length - 1]! - groupFirst + 1;
    if (serials.length / span >= MIN_DENSITY) return split;
  }
  return undefined;
}

function addSeries(result: GapResult, prefix: string, serials: Float64Array, start: number | undefined, legitimate: boolean, step = 1): void {
  const ranges = missingRanges(serials, start, step);
  let missing = 0;
  for (const range of ranges) {
    missing += Math.floor((range.to - range.from) / step) + 1;
    result.gaps.push({ prefix, from: range.from, to: range.to, legitimate });
  }
  result.coverage.push({
    prefix,
    first: start ?? serials[0]!,
    last: serials[serials.length - 1]!,
    present: serials.length,
    missing,
    legitimate,
  });
}
