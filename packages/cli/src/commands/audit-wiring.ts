import type { CommandIo } from '../command-io.js';
import { outputGuard } from '../output/output-guard.js';
import { chosenLang, terminalLang } from '../output/output-lang.js';
import { runAudit } from './audit/audit-command.js';
import { type CommonOptions, withSource } from './with-source.js';

export interface AuditWiringOptions extends CommonOptions {
  source: string;
  rule?: string;
  html?: string;
  fixPlan?: string;
  escapeFormulas?: boolean;
}

/** Opens the configured source and hands it to the audit command with the config's rules. */
export async function runAuditCommand(io: CommandIo, options: AuditWiringOptions): Promise<number> {
  return withSource(io, { ...options, command: 'audit' }, (source, loaded) => {
    const choice = { lang: options.lang, env: io.env, configLang: loaded.config.lang };
    // The HTML page is a document: only a chosen language changes it (default en, as before).
    const htmlLang = chosenLang(choice);
    return runAudit(
      {
        source,
        sourceName: options.source,
        rules: loaded.config.rules ?? {},
        outputs: outputGuard(loaded, io.cwd),
        ...(options.rule === undefined ? {} : { rule: options.rule }),
        ...(options.json ? { json: true } : {}),
        ...(options.html === undefined ? {} : { html: options.html }),
        ...(htmlLang === undefined ? {} : { lang: htmlLang }),
        tableLang: terminalLang(choice),
        ...(options.fixPlan === undefined ? {} : { fixPlan: options.fixPlan }),
        ...(options.escapeFormulas === false ? { escapeFormulas: false } : {}),
      },
      io,
    );
  });
}
