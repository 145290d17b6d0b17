import { ConfigError } from '@custcode/core';

/** A rule that cannot be read: says where (0-based character position) and what was expected. */
export function ruleSyntaxError(source: string, position: number, expected: string): ConfigError {
  const found = position >= source.length ? 'the end of the rule' : JSON.stringify(source.slice(position, position + 12));
  return new ConfigError({
    message: `Rule syntax error at position ${position} of ${JSON.stringify(source)}: expected ${expected}, found ${found}.`,
    hint: 'See the rule language in the custcode README: literals, {YYYY} {YY} {MM} {DD}, {category:N}, {digits:N}, {seq:N|…}, {check:ALG}; write {{ and }} for literal braces.',
  });
}

export function ruleError(message: string, hint?: string): ConfigError {
  return new ConfigError({ message, hint: hint ?? 'See the rule language in the custcode README.' });
}
