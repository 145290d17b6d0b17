import { ConfigError } from '@custcode/core';

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;
const PRESET_NAMES = new Set(['uscc', 'gb11714', 'sap-kunnr']);

/**
 * Resolves a rule name from the config's `rules` map; anything else is taken as a pattern or preset.
 * A bare word that is neither a configured name nor a preset is most likely a typo for a name, so it is
 * reported rather than treated as a literal-only pattern.
 */
export function resolveRule(nameOrPattern: string, rules?: Readonly<Record<string, string>>): string {
  const configured = rules && Object.hasOwn(rules, nameOrPattern) ? rules[nameOrPattern] : undefined;
  if (configured !== undefined) return configured;
  if (IDENTIFIER.test(nameOrPattern) && !PRESET_NAMES.has(nameOrPattern)) {
    const known = Object.keys(rules ?? {});
    throw new ConfigError({
      message: `Unknown rule ${JSON.stringify(nameOrPattern)}: it is not a rule name in the config${known.length ? ` (${known.join(', ')})` : ''} nor a preset (${[...PRESET_NAMES].join(', ')}).`,
      hint: 'Add it under "rules" in custcode.config.json, or pass a pattern such as KH{YYYY}{seq:4}.',
    });
  }
  return nameOrPattern;
}
