import { compileRule } from '@custcode/rules';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { reportError } from '../../output/report-error.js';
import { escapeControls } from '../../output/terminal-text.js';
import { writeChunk } from '../../output/write-chunk.js';

export interface RuleExplainOptions {
  rule: string;
  json?: boolean;
}

/**
 * `custcode rule explain RULE`: the rule in plain English and Chinese. `--json` prints
 * `{ pattern, segments, mode, timeZone, minLength, maxLength, en, zh }`.
 */
export async function runRuleExplain(options: RuleExplainOptions, io: CommandIo): Promise<number> {
  try {
    const rule = compileRule(options.rule);
    const { en, zh } = rule.explain();
    const output = options.json
      ? `${JSON.stringify({ pattern: rule.pattern, segments: rule.segments, mode: rule.mode, timeZone: rule.timeZone, minLength: rule.minLength, maxLength: rule.maxLength, en, zh })}\n`
      : `${escapeControls(rule.pattern)}\n\n${escapeControls(en)}\n\n${escapeControls(zh)}\n`;
    await writeChunk(io.stdout, output);
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json ?? false });
  }
}
