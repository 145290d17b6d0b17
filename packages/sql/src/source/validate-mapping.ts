import { ConfigError } from '@custcode/core';
import type { TableMapping } from '../mapping/table-mapping.js';
import { mappingColumns, mappingTables } from './mapping-columns.js';

/**
 * Catches mapping mistakes before any SQL is sent: a column reference whose alias names no table of
 * the mapping, or an identifier with control characters.
 */
export function validateMapping(mapping: TableMapping, source: string): void {
  const aliases = mappingTables(mapping);
  for (const [alias, table] of aliases) checkIdentifier(`${alias} (${table})`, `${table}.${alias}`, source);
  for (const reference of mappingColumns(mapping)) {
    checkIdentifier(reference, reference, source);
    const dot = reference.lastIndexOf('.');
    if (dot !== -1 && !aliases.has(reference.slice(0, dot))) {
      throw new ConfigError({
        message: `Source "${source}": column ${JSON.stringify(reference)} uses the alias ${JSON.stringify(reference.slice(0, dot))}, which no table of the mapping has.`,
        hint: `Known aliases: ${[...aliases.keys()].join(', ')}.`,
      });
    }
  }
}

function checkIdentifier(label: string, text: string, source: string): void {
  if (text === '' || /[\u0000-\u001f]/.test(text) || text.split('.').some((part) => part === '')) {
    throw new ConfigError({
      message: `Source "${source}": ${JSON.stringify(label)} is not a valid table or column name.`,
      hint: 'Write names as alias.COLUMN, exactly as the ERP spells them.',
    });
  }
}
