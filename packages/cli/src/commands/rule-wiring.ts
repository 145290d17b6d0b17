import { existsSync } from 'node:fs';
import { resolveRule } from '@custcode/rules';
import type { CommandIo } from '../command-io.js';
import { configPath, type LoadedConfig, loadConfig } from '../config/load-config.js';
import { outputGuard } from '../output/output-guard.js';
import { readCodes } from '../output/read-codes.js';
import { reportError } from '../output/report-error.js';
import { runRuleExplain, runRuleGenerate, runRuleValidate, type RuleGenerateOptions } from './rule/index.js';
import type { CommonOptions } from './with-source.js';

/** The config, or none: `rule` commands work without one unless it was named with --config or CUSTCODE_CONFIG. */
async function optionalConfig(io: CommandIo, explicit: string | undefined): Promise<LoadedConfig | undefined> {
  const named = explicit !== undefined || io.env.CUSTCODE_CONFIG !== undefined;
  return !named && !existsSync(configPath(io)) ? undefined : loadConfig(io, explicit);
}

/** The config's rules as strings (JSON-segment rules serialised). */
function configuredRules(loaded: LoadedConfig | undefined): Record<string, string> {
  const rules = loaded?.config.rules ?? {};
  return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, typeof rule === 'string' ? rule : JSON.stringify(rule)]));
}

/** A rule name from the config, or a pattern / preset as given; errors are reported with their exit code. */
async function withRule(io: CommandIo, options: CommonOptions & { rule: string }, body: (rule: string, loaded: LoadedConfig | undefined) => Promise<number>): Promise<number> {
  let rule: string;
  let loaded: LoadedConfig | undefined;
  try {
    loaded = await optionalConfig(io, options.config);
    rule = resolveRule(options.rule, configuredRules(loaded));
  } catch (error) {
    return reportError(io, error, { json: options.json });
  }
  return body(rule, loaded);
}

export async function runRuleValidateCommand(io: CommandIo, options: CommonOptions & { rule: string; codes: string[] }): Promise<number> {
  return withRule(io, options, (rule) => runRuleValidate({ rule, codes: readCodes(options.codes, io), ...(options.json ? { json: true } : {}) }, io));
}

/** The flags of `custcode rule generate`: one type with the command's options (the name stays for existing imports). */
export type RuleGenerateFlags = RuleGenerateOptions;

export async function runRuleGenerateCommand(io: CommandIo, options: RuleGenerateFlags): Promise<number> {
  const { config: _config, ...rest } = options;
  return withRule(io, options, (rule, loaded) => runRuleGenerate({ ...rest, rule, outputs: outputGuard(loaded, io.cwd) }, io));
}

export async function runRuleExplainCommand(io: CommandIo, options: CommonOptions & { rule: string }): Promise<number> {
  return withRule(io, options, (rule) => runRuleExplain({ rule, ...(options.json ? { json: true } : {}) }, io));
}
