import type { CustomerSource } from '@custcode/core';
import type { CommandIo } from '../../command-io.js';
import { outputGuard } from '../../output/output-guard.js';
import { reportError } from '../../output/report-error.js';
import { openSource } from '../../sources/open-source.js';
import { type CommonOptions, withSource } from '../with-source.js';
import { type MigrateCommandOptions, runMigrate } from './migrate-command.js';

/** The command line's options: the migration's own, with source names where it takes opened sources. */
export interface MigrateWiringOptions
  extends CommonOptions,
    Omit<MigrateCommandOptions, 'source' | 'sourceName' | 'target' | 'rules' | 'json' | 'cwd'> {
  source: string;
  target?: string;
}

/** Opens the source and the (read-only) target from the config and runs the migration; both are always closed. */
export async function runMigrateCommand(io: CommandIo, options: MigrateWiringOptions): Promise<number> {
  const { config: _config, source: sourceName, target: targetName, ...flags } = options;
  return withSource(io, { ...options, command: 'migrate' }, async (source, loaded) => {
    let target: CustomerSource | undefined;
    let secrets: string[] = [];
    try {
      if (targetName !== undefined) {
        const opened = await openSource(loaded, targetName, io.env);
        target = opened.source;
        secrets = opened.secrets;
      }
    } catch (error) {
      return reportError(io, error, { json: options.json, secrets });
    }
    try {
      return await runMigrate({ ...flags, source, sourceName, rules: loaded.config.rules ?? {}, outputs: outputGuard(loaded, io.cwd), ...(target ? { target } : {}) }, io);
    } finally {
      await target?.close().catch(() => undefined);
    }
  });
}
