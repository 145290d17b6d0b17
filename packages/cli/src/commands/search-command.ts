import { type Customer, type CustomerQuery, type CustomerSource } from '@custcode/core';
import { type Lang, translate } from '@custcode/core/messages';
import { writeJson } from '@custcode/export';
import { type CommandIo, EXIT_CODES } from '../command-io.js';
import { noteMaskedText } from '../output/access-notes.js';
import { renderCustomerTable } from '../output/customer-table.js';
import { terminalLang } from '../output/output-lang.js';
import { writeChunk } from '../output/write-chunk.js';
import { type FilterFlags, resolveQuery } from './query-options.js';
import { type CommonOptions, withSource } from './with-source.js';

/** Rows a human table shows when no --limit is given. */
export const DEFAULT_HUMAN_LIMIT = 50;

export interface SearchOptions extends CommonOptions, FilterFlags {
  source: string;
  text?: string;
}

/** `custcode search SOURCE [TEXT] [filters] [--limit N] [--view NAME]`. */
export async function runSearch(io: CommandIo, options: SearchOptions): Promise<number> {
  return withSource(io, options, async (source, loaded) =>
    printSearch(io, source, resolveQuery(loaded, options.source, options.text, options).query, options.json === true, terminalLang({ lang: options.lang, env: io.env, configLang: loaded.config.lang })),
  );
}

/**
 * A search's answer: every match as JSON with --json; otherwise a table of the first `limit` (default
 * DEFAULT_HUMAN_LIMIT), with a note on stderr when there are more.
 */
export async function printSearch(io: CommandIo, source: CustomerSource, query: CustomerQuery, json: boolean, lang: Lang = 'en'): Promise<number> {
  noteMaskedText(io, source, query);
  if (json) {
    await writeJson(source.search(query), io.stdout, { end: false });
    return EXIT_CODES.ok;
  }
  const limit = query.limit ?? DEFAULT_HUMAN_LIMIT;
  const rows: Customer[] = [];
  // One row more than shown tells whether there are more.
  for await (const customer of source.search({ ...query, limit: limit + 1 })) rows.push(customer);
  const shown = rows.slice(0, limit);
  if (shown.length === 0) {
    io.stderr.write(`${translate(lang, 'cli.noMatch')}\n`);
    return EXIT_CODES.ok;
  }
  await writeChunk(io.stdout, renderCustomerTable(shown, lang));
  if (rows.length > limit) io.stderr.write(`${translate(lang, 'cli.firstShown', { limit })}\n`);
  return EXIT_CODES.ok;
}
