import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type AdapterDescriptor, ConfigError, type ErpKind, isCustcodeError } from '@custcode/core';
import type { CommandIo } from '../command-io.js';
import { ADAPTER_REGISTRY, loadDescriptor } from '../sources/adapter-registry.js';
import { type CustcodeConfig, configSchemaOf, type SourceConfig, sourceSchemaOf } from './config-schema.js';
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
  /** The descriptor of each product the config names, or why it cannot be loaded (thrown when a source of it is opened). */
  adapters: ReadonlyMap<ErpKind, AdapterDescriptor | ConfigError>;
}

/** The descriptor of a configured source's product; an adapter package that is not installed is a ConfigError. */
export function adapterOf(loaded: LoadedConfig, source: SourceConfig): AdapterDescriptor {
  const adapter = loaded.adapters.get(source.erp);
  if (adapter === undefined) throw new ConfigError({ message: `No adapter was loaded for ${source.erp}.`, hint: 'Load the config with loadConfig.' });
  if (adapter instanceof ConfigError) throw adapter;
  return adapter;
}

/** The descriptors of `erps`: a product whose package cannot be loaded keeps the error instead. */
async function loadAdapters(erps: Iterable<ErpKind>): Promise<Map<ErpKind, AdapterDescriptor | ConfigError>> {
  const entries = await Promise.all(
    [...new Set(erps)].map(async (erp): Promise<[ErpKind, AdapterDescriptor | ConfigError]> => {
      try {
        return [erp, await loadDescriptor(erp)];
      } catch (error) {
        if (!isCustcodeError(error, 'CONFIG_INVALID')) throw error;
        return [erp, error as ConfigError];
      }
    }),
  );
  return new Map(entries);
}

const descriptorsOf = (adapters: ReadonlyMap<ErpKind, AdapterDescriptor | ConfigError>) =>
  new Map([...adapters].filter((entry): entry is [ErpKind, AdapterDescriptor] => !(entry[1] instanceof ConfigError)));

/** The whole config schema, every registered product's keys included (for tools that check a config file). */
export async function loadConfigSchema() {
  const adapters = await loadAdapters(Object.keys(ADAPTER_REGISTRY) as ErpKind[]);
  const unavailable = [...adapters].filter(([, adapter]) => adapter instanceof ConfigError).map(([erp]) => erp);
  return configSchemaOf(sourceSchemaOf([...descriptorsOf(adapters).values()], unavailable));
}

/** Where the config is: `--config FILE`, else `CUSTCODE_CONFIG`, else ./custcode.config.json. */
export function configPath(io: CommandIo, explicit?: string): string {
  return resolve(io.cwd, explicit ?? io.env.CUSTCODE_CONFIG ?? DEFAULT_CONFIG_FILE);
}

/**
 * Reads and validates the config; every problem is a ConfigError naming the key and the fix. Each source
 * is checked by the descriptor of its product, loaded from the adapter registry.
 */
export async function loadConfig(io: CommandIo, explicit?: string): Promise<LoadedConfig> {
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
  // checkErpValues let through only registered products (or a `sources` that is no object, which the schema refuses).
  const sources = (raw as { sources?: unknown }).sources;
  const named = typeof sources === 'object' && sources !== null && !Array.isArray(sources) ? Object.values(sources as Record<string, SourceConfig>) : [];
  const adapters = await loadAdapters(named.map((source) => source.erp));
  const descriptors = descriptorsOf(adapters);
  const unavailable = [...adapters.keys()].filter((erp) => !descriptors.has(erp));
  const result = configSchemaOf(sourceSchemaOf([...descriptors.values()], unavailable)).safeParse(raw);
  if (!result.success) {
    // A misspelt key usually also shows up as a missing one: report the misspelling, it carries the suggestion.
    const issues = [...result.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    throw configIssueError(issues[0]!, raw, path, descriptors);
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
  const loaded: LoadedConfig = { path, directory: dirname(path), config, adapters };
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
