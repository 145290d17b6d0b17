import type { Customer } from '@custcode/core';
import { translate } from '@custcode/core/messages';
import { type CommandIo, EXIT_CODES } from '../command-io.js';
import { renderCustomerTable } from '../output/customer-table.js';
import { terminalLang } from '../output/output-lang.js';
import { readCodes } from '../output/read-codes.js';
import { escapeControls } from '../output/terminal-text.js';
import { writeChunk } from '../output/write-chunk.js';
import { type CommonOptions, withSource } from './with-source.js';

export interface GetOptions extends CommonOptions {
  source: string;
  /** Codes; `-` reads more from stdin. */
  codes: string[];
  org?: string;
}

/** `custcode get SOURCE CODE... [--org ORG]`: exit 1 when any code is not found (those are listed on stderr). */
export async function runGet(io: CommandIo, options: GetOptions): Promise<number> {
  return withSource(io, { ...options, command: 'get' }, async (source, loaded) => {
    const lang = terminalLang({ lang: options.lang, env: io.env, configLang: loaded.config.lang });
    const missing: string[] = [];
    const found: Customer[] = [];
    let first = true;
    const lookupOptions = options.org === undefined ? {} : { org: options.org };
    for await (const { code, customer } of source.getMany(readCodes(options.codes, io), lookupOptions)) {
      if (!customer) {
        missing.push(code);
        continue;
      }
      if (options.json) {
        await writeChunk(io.stdout, `${first ? '[\n' : ',\n'}${JSON.stringify(customer)}`);
        first = false;
      } else {
        found.push(customer);
      }
    }
    if (options.json) await writeChunk(io.stdout, first ? '[]\n' : '\n]\n');
    else if (found.length > 0) await writeChunk(io.stdout, renderCustomerTable(found, lang));
    const where = options.org === undefined ? '' : translate(lang, 'cli.inOrg', { org: options.org });
    for (const code of missing) io.stderr.write(`${escapeControls(`${translate(lang, 'cli.notFound', { code })}${where}`)}\n`);
    return missing.length > 0 ? EXIT_CODES.notFound : EXIT_CODES.ok;
  });
}
