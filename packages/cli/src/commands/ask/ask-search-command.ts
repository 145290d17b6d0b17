import { type AskVocabulary, parseAsk } from '@custcode/ask';
import { type CustomerSource } from '@custcode/core';
import type { CommandIo } from '../../command-io.js';
import { checkedQuery, type FilterFlags, flagName, resolveQuery } from '../query-options.js';
import { escapeControls } from '../../output/terminal-text.js';
import { terminalLang } from '../../output/output-lang.js';
import { printSearch } from '../search-command.js';
import { type CommonOptions, withSource } from '../with-source.js';

/** Records read to learn the source's region, category and org names. */
export const VOCABULARY_SCAN = 20_000;

export interface AskSearchOptions extends CommonOptions, FilterFlags {
  source: string;
  text?: string;
  ask: string;
}

/** The values the source really has, from a bounded scan (a question names them). */
export async function scanVocabulary(source: CustomerSource, limit = VOCABULARY_SCAN): Promise<AskVocabulary> {
  const regions = new Set<string>();
  const categories = new Set<string>();
  const orgs = new Set<string>();
  for await (const customer of source.search({ limit })) {
    if (customer.region) regions.add(customer.region);
    if (customer.category) categories.add(customer.category);
    if (customer.org) orgs.add(customer.org);
  }
  return { regions: [...regions], categories: [...categories], orgs: [...orgs] };
}

/** The understood filters, one per line, for stderr. */
function describeUnderstood(result: ReturnType<typeof parseAsk>): string {
  const lines = result.understood.map((phrase) => {
    const filters = Object.entries(phrase.filter).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`).join(' ');
    return `  ${JSON.stringify(phrase.phrase)} → ${filters || '(nothing)'}${phrase.note ? `  (${phrase.note})` : ''}`;
  });
  if (result.ignored.length > 0) lines.push(`  not understood: ${result.ignored.join(' ')}`);
  return `understood:\n${lines.length > 0 ? lines.map(escapeControls).join('\n') : '  (nothing)'}\n`;
}

/** `custcode search SOURCE --ask "北京 停用 的客户 2024年以后新增"`: the question's filters, then flags on top. */
export async function runAskSearch(io: CommandIo, options: AskSearchOptions): Promise<number> {
  return withSource(io, options, async (source, loaded) => {
    const result = parseAsk(options.ask, await scanVocabulary(source));
    io.stderr.write(describeUnderstood(result));
    const { query: flags } = resolveQuery(loaded, options.source, options.text, options);
    const query = checkedQuery({ ...result.query, ...flags }, (key) => (key in flags ? flagName(key) : `--ask (${key})`));
    return printSearch(io, source, query, options.json === true, terminalLang({ lang: options.lang, env: io.env, configLang: loaded.config.lang }));
  });
}
