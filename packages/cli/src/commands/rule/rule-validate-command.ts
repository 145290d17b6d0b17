import { compileRule } from '@custcode/rules';
import { type ValidationIssue } from '@custcode/core/validators';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { reportError } from '../../output/report-error.js';
import { renderTable } from '../../output/table.js';
import { escapeControls } from '../../output/terminal-text.js';
import { writeChunk } from '../../output/write-chunk.js';

export interface RuleValidateOptions {
  /** A pattern, preset, importer or JSON rule (names from the config are resolved by the caller). */
  rule: string;
  codes: AsyncIterable<string> | Iterable<string>;
  json?: boolean;
}

/**
 * `custcode rule validate RULE CODE...`: exit 0 when every code is valid, 1 when any is not, 2 for a bad
 * rule. `--json` prints `[{ code, valid, errors: [{ kind, message, position }] }]`, streamed.
 */
export async function runRuleValidate(options: RuleValidateOptions, io: CommandIo): Promise<number> {
  try {
    const rule = compileRule(options.rule);
    let invalidCount = 0;
    let first = true;
    const rows: string[][] = [];
    for await (const code of options.codes) {
      const { valid, errors } = rule.validate(code);
      if (!valid) invalidCount++;
      if (options.json) {
        await writeChunk(io.stdout, `${first ? '[\n' : ',\n'}${JSON.stringify({ code, valid, errors })}`);
        first = false;
      } else {
        rows.push([code, valid ? 'valid' : 'INVALID', errors.map(describeIssue).join('; ')]);
      }
    }
    if (options.json) await writeChunk(io.stdout, first ? '[]\n' : '\n]\n');
    else {
      if (rows.length > 0) await writeChunk(io.stdout, renderTable(['CODE', 'RESULT', 'PROBLEMS'], rows));
      io.stderr.write(`${rows.length - invalidCount} of ${rows.length} valid for ${escapeControls(rule.pattern)}\n`);
    }
    return invalidCount > 0 ? EXIT_CODES.notFound : EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json ?? false });
  }
}

function describeIssue(issue: ValidationIssue): string {
  return `${issue.kind} (character ${issue.position + 1}): ${issue.message}`;
}
