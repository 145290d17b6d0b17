import { ConfigError } from '@custcode/core';
import { importErpnextSeries } from './import-erpnext.js';
import { importOdooSequence } from './import-odoo.js';
import { parsePattern } from './parse-pattern.js';
import { PRESETS, parseGrades } from './presets.js';
import { parseRuleJson } from './rule-json-schema.js';
import { checkRuleTextLength } from './rule-limits.js';
import type { RuleInput, RuleSegment } from './rule-types.js';

/** Turns any accepted rule form into segments: preset, importer, JSON text, pattern, or segments. */
export function resolveRuleInput(rule: RuleInput): { segments: RuleSegment[]; timeZone?: string } {
  if (typeof rule !== 'string') return parseRuleJson(rule);
  checkRuleTextLength(rule);
  const text = rule.trim();
  const preset = PRESETS[text];
  if (preset) return { segments: [...preset] };
  if (text.startsWith('grades:')) return { segments: parseGrades(text) };
  if (text.startsWith('erpnext:')) return { segments: importErpnextSeries(text) };
  if (text.startsWith('odoo:')) return { segments: importOdooSequence(text) };
  if (text.startsWith('[') || (text.startsWith('{') && !text.startsWith('{{') && /^\{\s*"/.test(text))) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError({ message: `The rule looks like JSON but does not parse: ${(error as Error).message}`, hint: 'Fix the JSON, or write the rule as a pattern such as KH{YYYY}{seq:4}.', cause: error });
    }
    return parseRuleJson(value);
  }
  return { segments: parsePattern(rule) };
}
