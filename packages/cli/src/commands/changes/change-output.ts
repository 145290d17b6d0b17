import { CHANGE_KINDS, type ChangeList, type ModifiedCustomer } from '@custcode/changes';
import { type Lang, translate } from '@custcode/core/messages';
import { escapeControls } from '../../output/terminal-text.js';

const key = (entry: { code: string; org?: string }) => `${entry.code}${entry.org === undefined ? '' : ` [${entry.org}]`}`;
const value = (text: string | null) => (text === null ? '—' : JSON.stringify(text));
const kindTerm = (lang: Lang, kind: (typeof CHANGE_KINDS)[number]) => translate(lang, `cli.change.${kind}`);

function changedFields(lang: Lang, entry: ModifiedCustomer): string {
  const fields = Object.entries(entry.changes);
  if (fields.length === 0) return translate(lang, 'cli.change.fieldsUnknown');
  return fields.map(([field, change]) => `${field}: ${value(change!.from)} → ${value(change!.to)}`).join('; ');
}

/** The change list for a person: a count line, then one line per customer under each kind, then what the mode cannot see. */
export function renderChangeList(list: ChangeList, lang: Lang = 'en'): string {
  const counts = CHANGE_KINDS.map((kind) => translate(lang, 'cli.change.count', { kind: kindTerm(lang, kind), n: list[kind].length })).join(lang === 'en' ? ', ' : '，');
  const since = list.since ? translate(lang, 'cli.change.since', { since: list.since }) : '';
  const lines = [`${translate(lang, 'cli.change.counts', { source: list.source, counts })}${since}`];
  for (const kind of CHANGE_KINDS) {
    if (list[kind].length === 0) continue;
    lines.push('', `${kindTerm(lang, kind)} (${list[kind].length})`);
    for (const entry of list[kind]) lines.push(`  ${key(entry)}  ${entry.name}${kind === 'changed' ? `  ${changedFields(lang, entry as ModifiedCustomer)}` : ''}`);
  }
  for (const limitation of list.limitations) lines.push('', translate(lang, 'cli.change.note', { note: limitation }));
  // Codes, names and values come from the ERP: each line shows their control characters escaped.
  return `${lines.map(escapeControls).join('\n')}\n`;
}
