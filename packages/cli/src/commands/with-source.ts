import type { AccessCommand } from '@custcode/access';
import type { CustomerSource } from '@custcode/core';
import type { CommandIo } from '../command-io.js';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { reportError } from '../output/report-error.js';
import { printSourceWarnings } from '../output/source-warnings.js';
import { openSource } from '../sources/open-source.js';

export interface CommonOptions {
  /** `--config FILE`. */
  config?: string;
  json?: boolean;
  /** `--user NAME`, for the config's roles. */
  user?: string;
  /** `--lang zh|en` (global): language of tables and documents. */
  lang?: string;
}

/**
 * Loads the config, opens one source guarded by the config's roles (`command` is what the role must
 * grant; default `search`), runs the command body and always closes the source. Any error is reported
 * (secrets scrubbed) and becomes the exit code (a denial exits 4).
 */
export async function withSource(
  io: CommandIo,
  options: CommonOptions & { source: string; user?: string; command?: AccessCommand },
  body: (source: CustomerSource, loaded: LoadedConfig) => Promise<number>,
): Promise<number> {
  let secrets: string[] = [];
  let source: CustomerSource | undefined;
  try {
    const loaded = await loadConfig(io, options.config);
    // Roles, masking, row filters and the access log apply to everything the body reads.
    const opened = await openSource(loaded, options.source, io.env, { ...(options.user === undefined ? {} : { user: options.user }), ...(options.command === undefined ? {} : { command: options.command }) });
    secrets = opened.secrets;
    source = opened.source;
    return await body(source, loaded);
  } catch (error) {
    return reportError(io, error, { json: options.json, secrets });
  } finally {
    if (source) printSourceWarnings(io, options.source, source.describe().warnings);
    await source?.close().catch(() => undefined);
  }
}
