import type { SapTexts } from './mappings/text-tables.js';

const FIELD_OF_TABLE: Record<string, string> = { T005U: 'region', T077X: 'category', TKUKT: 'category' };

/** What `describe().warnings` says when text tables could not be read: which tables, why, and what to grant. */
export function textTablesWarning(unreadable: SapTexts['unreadable'], functionModule: string): string {
  const tables = unreadable.map((entry) => `${entry.table} (${entry.exception})`).join(', ');
  const fields = [...new Set(unreadable.map((entry) => FIELD_OF_TABLE[entry.table] ?? entry.table))].join(' and ');
  return (
    `The RFC user may not read the text table${unreadable.length > 1 ? 's' : ''} ${tables} through ${functionModule}: ${fields} ` +
    `${unreadable.length > 1 ? 'are' : 'is'} reported as codes, not names. Grant S_TABU_NAM (ACTVT 03) for ${unreadable.map((entry) => entry.table).join(', ')}, or set texts: false to report codes without this warning.`
  );
}
