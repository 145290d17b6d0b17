import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@custcode/core';
import type { CommandIo } from '../command-io.js';
import { type CustcodeConfig, configSchema } from './config-schema.js';
import { checkErpValues, configIssueError } from './format-config-issue.js';
import { checkAccessPolicy } from './check-access-policy.js';
import { didYouMean } from './nearest-key.js';
import { assertAccessLogIsOwnFile } from '../output/output-guard.js';
import { checkSourceUrls } from '../sources/resolve-url.js';

export const DEFAULT_CONFIG_FILE = 'custcode.config.json';

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Directory relative paths in the config are resolved against. */
  directory: string;
  config: CustcodeConfig;
}

/** Where the config is: `--config FILE`, else `CUSTCODE_CONFIG`, else ./custcode.config.json. */
export function configPath(io: CommandIo, explicit?: string): string {
  return resolve(io.cwd, explicit ?? io.env.CUSTCODE_CONFIG ?? DEFAULT_CONFIG_FILE);
}

/** Reads and validates the config; every problem is a ConfigError naming the key and the fix. */
export function loadConfig(io: CommandIo, explicit?: string): LoadedConfig {
  const path = configPath(io, explicit);
  if (!existsSync(path)) {
    throw new ConfigError({
      message: `No config file at ${path}.`,
      hint: `Create ${DEFAULT_CONFIG_FILE} (run \`custcode demo\` for a working example), or pass --config FILE / set CUSTCODE_CONFIG.`,
    });
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError({ message: `${path} is not valid JSON: ${(error as Error).message}.`, hint: 'Fix the JSON syntax (no comments, no trailing commas).', cause: error });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError({ message: `${path} must hold a JSON object with "sources".`, hint: 'Start from { "sources": { … } }.' });
  }
  checkErpValues(raw, path);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    // A misspelt key usually also shows up as a missing one: report the misspelling, it carries the suggestion.
    const issues = [...result.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    throw configIssueError(issues[0]!, raw, path);
  }
  const config = result.data;
  for (const [name, view] of Object.entries(config.views ?? {})) {
    if (!config.sources[view.source]) {
      throw new ConfigError({
        message: `${path}: views.${name}.source: no source named "${view.source}".${didYouMean(view.source, Object.keys(config.sources))}`,
        hint: `Configured sources: ${Object.keys(config.sources).join(', ') || '(none)'}.`,
      });
    }
  }
  checkAccessPolicy(config, path);
  checkSourceUrls(config, dirname(path));
  const loaded = { path, directory: dirname(path), config };
  assertAccessLogIsOwnFile(loaded);
  return loaded;
}

/** The config exists but cannot be read: say why (permissions, a directory), not "fix the JSON". */
function unreadable(path: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? { reason: 'permission denied', hint: `Let the user running custcode read it (e.g. chmod u+r ${path}), or pass --config FILE.` }
      : code === 'EISDIR'
        ? { reason: 'it is a directory', hint: `Point --config or CUSTCODE_CONFIG at the JSON file inside it (${DEFAULT_CONFIG_FILE}).` }
        : { reason: (error as Error).message, hint: 'Check the file, or pass --config FILE.' };
  return new ConfigError({ message: `Cannot read the config file ${path}: ${why.reason}${code ? ` (${code})` : ''}.`, hint: why.hint, cause: error });
}
