import type { AccessCommand } from '@custcode/access';
import type { CustomerSource } from '@custcode/core';
import type { CommandIo } from '../../command-io.js';
import { type LoadedConfig, loadConfig } from '../../config/load-config.js';
import { reportError } from '../../output/report-error.js';
import { printSourceWarnings } from '../../output/source-warnings.js';
import { openSource } from '../../sources/open-source.js';
import type { CommonOptions } from '../with-source.js';

/**
 * Like withSource, for several sources at once (reports and matching across ERPs; `command` is what the role must grant, default `search`): opens each by name, runs the body,
 * always closes every opened source; errors are reported with all secrets scrubbed.
 */
export async function withSources(
  io: CommandIo,
  options: CommonOptions & { sources: readonly string[]; command?: AccessCommand },
  body: (sources: CustomerSource[], loaded: LoadedConfig) => Promise<number>,
): Promise<number> {
  const secrets: string[] = [];
  const opened: Array<{ name: string; source: CustomerSource }> = [];
  try {
    const loaded = await loadConfig(io, options.config);
    for (const name of options.sources) {
      const result = await openSource(loaded, name, io.env, { ...(options.user === undefined ? {} : { user: options.user }), ...(options.command === undefined ? {} : { command: options.command }) });
      secrets.push(...result.secrets);
      opened.push({ name, source: result.source });
    }
    return await body(opened.map((entry) => entry.source), loaded);
  } catch (error) {
    return reportError(io, error, { json: options.json, secrets });
  } finally {
    for (const { name, source } of opened) printSourceWarnings(io, name, source.describe().warnings);
    await Promise.all(opened.map(({ source }) => source.close().catch(() => undefined)));
  }
}
