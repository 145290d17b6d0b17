import { DATE_INPUT_FORMAT, dateInputProblem, parseWholeNumber } from '@custcode/core/adapter';
import { UsageError } from '../output/usage-error.js';

/** An integer flag (`--limit`, `--count`, `--port`): decimal digits from `min` to `max`, nothing `Number()` would also read. */
export function wholeNumberFlag(flag: string, value: string, range: { min: number; max?: number; example: string }): number {
  const number = parseWholeNumber(value);
  if (number === undefined || number < range.min || (range.max !== undefined && number > range.max)) {
    const bounds = range.max === undefined ? `${range.min} or more` : `from ${range.min} to ${range.max}`;
    throw new UsageError({ message: `${flag} must be a whole number ${bounds}, not ${JSON.stringify(value)}.`, hint: `Write digits only, e.g. ${flag} ${range.example}.` });
  }
  return number;
}

/** A date flag (`--since`, `--date`), checked as every date filter is. */
export function dateFlag(flag: string, value: string): string {
  const problem = dateInputProblem(value);
  if (problem !== undefined) throw new UsageError({ message: `Invalid ${flag}: ${problem}.`, hint: `Write it as ${DATE_INPUT_FORMAT}, e.g. ${flag} 2024-06-01.` });
  return value;
}
