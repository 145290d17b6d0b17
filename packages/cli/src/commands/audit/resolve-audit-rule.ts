import { compileRule, type CompiledRule, resolveRule, type RuleInput } from '@custcode/rules';
import { ConfigError } from '@custcode/core';

/**
 * `--rule RULE`: a name from the config's `rules` (string pattern or JSON segments), else a pattern or
 * preset. Bad rules raise a ConfigError that says what is wrong (exit code 2).
 */
export function resolveAuditRule(rule: string | undefined, rules: Readonly<Record<string, unknown>> = {}): CompiledRule | undefined {
  if (rule === undefined) return undefined;
  const configured = Object.hasOwn(rules, rule) ? rules[rule] : undefined;
  if (configured !== undefined && typeof configured !== 'string') {
    if (typeof configured !== 'object' || configured === null) {
      throw new ConfigError({ message: `The rule "${rule}" in the config is neither a pattern nor JSON segments.`, hint: 'Write it as "KH{YYYY}{seq:4}" or as an array of segments.' });
    }
    return compileRule(configured as RuleInput);
  }
  const strings = Object.fromEntries(Object.entries(rules).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return compileRule(resolveRule(rule, strings));
}
