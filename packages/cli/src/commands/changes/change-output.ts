import { CHANGE_KINDS, type ChangeList, type ModifiedCustomer } from '@custcode/changes';
import { escapeControls } from '../../output/terminal-text.js';

const LABELS: Record<(typeof CHANGE_KINDS)[number], string> = { added: '新增 added', changed: '修改 changed', blocked: '停用 blocked', unblocked: '启用 unblocked', deleted: '删除 deleted' };
const key = (entry: { code: string; org?: string }) => `${entry.code}${entry.org === undefined ? '' : ` [${entry.org}]`}`;
const value = (text: string | null) => (text === null ? '—' : JSON.stringify(text));

function changedFields(entry: ModifiedCustomer): string {
  const fields = Object.entries(entry.changes);
  if (fields.length === 0) return 'fields not known (--since)';
  return fields.map(([field, change]) => `${field}: ${value(change!.from)} → ${value(change!.to)}`).join('; ');
}

/** The change list for a person: a count line, then one line per customer under each kind, then what the mode cannot see. */
export function renderChangeList(list: ChangeList): string {
  const lines = [`${list.source}: ${CHANGE_KINDS.map((kind) => `${list[kind].length} ${kind}`).join(', ')}${list.since ? ` (since ${list.since})` : ''}`];
  for (const kind of CHANGE_KINDS) {
    if (list[kind].length === 0) continue;
    lines.push('', `${LABELS[kind]} (${list[kind].length})`);
    for (const entry of list[kind]) lines.push(`  ${key(entry)}  ${entry.name}${kind === 'changed' ? `  ${changedFields(entry as ModifiedCustomer)}` : ''}`);
  }
  for (const limitation of list.limitations) lines.push('', `note: ${limitation}`);
  // Codes, names and values come from the ERP: each line shows their control characters escaped.
  return `${lines.map(escapeControls).join('\n')}\n`;
}
