import { CUSTOMER_STATUSES, type CustomerStatus } from '@custcode/core';
import { type CatalogueKey, translate } from '@custcode/core/messages';
import type { MatchTable } from './match-files.js';

/** Header row of a spreadsheet: `en` keeps the CSV's column ids, `zh` takes the words of the message catalogue. */
export type MatchHeaders = 'en' | 'zh';
export const MATCH_TABLES = ['links', 'golden', 'review'] as const;
export type MatchTableName = (typeof MATCH_TABLES)[number];

/** Column ids and the catalogue term each is named by (customer fields by their `field.*` term). */
const TERMS: Readonly<Record<string, CatalogueKey>> = {
  global_id: 'match.globalId', source: 'field.source', code: 'field.code', org: 'field.org', name: 'field.name', score: 'match.score',
  evidence: 'match.evidence', linked_to: 'match.linkedTo', detail: 'match.detail', sources: 'sources', members: 'records',
  merged_ids: 'match.mergedIds', decision: 'match.decision', probability: 'match.probability', tax_id: 'field.taxId', taxId: 'field.taxId',
  shortName: 'field.shortName', phone: 'field.phone', contact: 'field.contact', address: 'field.address', category: 'field.category',
  region: 'field.region', status: 'field.status',
};

/** A column's header: `name_from` → 客户名称 来源, `tax_id_a` → 税号 A. */
export function matchColumnHeader(column: string, headers: MatchHeaders = 'en'): string {
  if (headers === 'en') return column;
  const term = (id: string) => (TERMS[id] === undefined ? id : translate('zh-CN', TERMS[id]));
  const side = /^(.+)_([ab])$/.exec(column);
  if (side && TERMS[side[1]!] !== undefined) return `${term(side[1]!)} ${side[2]!.toUpperCase()}`;
  if (column.endsWith('_from')) return `${term(column.slice(0, -'_from'.length))} ${translate('zh-CN', 'match.from')}`;
  return term(column);
}

/** The column id a spreadsheet header names, in either language (`code_a`, `客户编号 A`), or undefined. */
export function matchColumnOf(header: string, columns: readonly string[]): string | undefined {
  const name = header.trim();
  return columns.find((column) => column === name || matchColumnHeader(column, 'zh') === name);
}

const WIDE: Readonly<Record<string, number>> = { name: 40, name_a: 40, name_b: 40, address: 44, address_a: 44, address_b: 44, detail: 80, linked_to: 24, members: 10, score: 10, probability: 10, decision: 10 };

/**
 * Writes a match table (`linksTable`, `goldenTable`, `reviewTable`) as an XLSX workbook: streamed, bold
 * frozen header, scores as numbers, text as text cells (Excel never runs them as formulas); with `zh`
 * headers the golden status reads 停用 as in exports. Needs the optional exceljs peer, loaded only here.
 * Ends the output; returns the rows written.
 */
export async function writeMatchXlsx(name: MatchTableName, table: MatchTable, output: NodeJS.WritableStream, options: { headers?: MatchHeaders } = {}): Promise<number> {
  const headers = options.headers ?? 'en';
  const { writeXlsxTable } = await import('@custcode/export/xlsx');
  const status = table.columns.indexOf('status');
  const rows = headers === 'zh' && status >= 0
    ? table.rows.map((row) => row.map((cell, index) => (index === status && CUSTOMER_STATUSES.includes(cell as CustomerStatus) ? translate('zh-CN', `status.${cell as CustomerStatus}`) : cell)))
    : table.rows;
  return writeXlsxTable(table.columns.map((column) => matchColumnHeader(column, headers)), rows, output, {
    sheetName: headers === 'zh' ? translate('zh-CN', `match.${name}`) : name,
    widths: table.columns.map((column) => WIDE[column] ?? 16),
  });
}
