import type { CustomerSource } from '@custcode/core';
import type { CommandIo } from '../command-io.js';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { reportError } from '../output/report-error.js';
import { openSource } from '../sources/open-source.js';

export interface CommonOptions {
  /** `--config FILE`. */
  config?: string;
  json?: boolean;
}

/**
 * Loads the config, opens one source, runs the command body and always closes the source. Any error
 * is reported (secrets scrubbed) and becomes the exit code.
 */
export async function withSource(
  io: CommandIo,
  options: CommonOptions & { source: string },
  body: (source: CustomerSource, loaded: LoadedConfig) => Promise<number>,
): Promise<number> {
  let secrets: string[] = [];
  let source: CustomerSource | undefined;
  try {
    const loaded = loadConfig(io, options.config);
    const opened = await openSource(loaded, options.source, io.env);
    secrets = opened.secrets;
    source = opened.source;
    return await body(source, loaded);
  } catch (error) {
    return reportError(io, error, { json: options.json, secrets });
  } finally {
    await source?.close().catch(() => undefined);
  }
}
