import { parseLang } from '@custcode/core/messages';
import type { CommandIo } from '../command-io.js';
import { outputGuard } from '../output/output-guard.js';
import { runAudit } from './audit/audit-command.js';
import { type CommonOptions, withSource } from './with-source.js';

export interface AuditWiringOptions extends CommonOptions {
  source: string;
  rule?: string;
  html?: string;
  /** `--lang zh|en`: language of the HTML report. */
  lang?: string;
  fixPlan?: string;
  escapeFormulas?: boolean;
}

/** Opens the configured source and hands it to the audit command with the config's rules. */
export async function runAuditCommand(io: CommandIo, options: AuditWiringOptions): Promise<number> {
  return withSource(io, { ...options, command: 'audit' }, (source, loaded) =>
    runAudit(
      {
        source,
        sourceName: options.source,
        rules: loaded.config.rules ?? {},
        outputs: outputGuard(loaded, io.cwd),
        ...(options.rule === undefined ? {} : { rule: options.rule }),
        ...(options.json ? { json: true } : {}),
        ...(options.html === undefined ? {} : { html: options.html }),
        ...(options.lang === undefined ? {} : { lang: parseLang(options.lang) }),
        ...(options.fixPlan === undefined ? {} : { fixPlan: options.fixPlan }),
        ...(options.escapeFormulas === false ? { escapeFormulas: false } : {}),
      },
      io,
    ),
  );
}
