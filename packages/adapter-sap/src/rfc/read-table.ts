import { BackendError } from '@custcode/core';
import { toOptionLines, type AbapCondition } from './abap-condition.js';
import { planFieldGroups, type FieldInfo } from './field-plan.js';
import type { RfcTransport } from './rfc-transport.js';

export interface ReadTableRequest {
  table: string;
  /** Fields to read; wider than one output line is fine, the read is split. */
  fields: string[];
  /** Fields that identify a row (part of every split call, used to join the parts). */
  keyFields: string[];
  where?: AbapCondition;
  /** ROWCOUNT; only allowed when the fields fit one call (a capped subset differs from call to call). */
  rowCount?: number;
}

export type TableRow = Record<string, string>;

/** Reads tables through RFC_READ_TABLE (or a copy with its interface): plans field groups, slices WA, joins parts. */
export class ReadTableClient {
  private readonly metadata = new Map<string, Promise<FieldInfo[]>>();

  constructor(
    private readonly transport: RfcTransport,
    private readonly functionModule: string,
    private readonly rowWidth: number,
  ) {}

  /** Field lengths from a NO_DATA = 'X' call (metadata for any width, no rows), cached per field list. */
  fieldInfo(table: string, fields: string[]): Promise<FieldInfo[]> {
    const cacheKey = `${table}\u0000${fields.join(',')}`;
    let pending = this.metadata.get(cacheKey);
    if (!pending) {
      pending = this.callReadTable(table, fields, { NO_DATA: 'X' }, []).then((result) => parseFields(result.FIELDS));
      pending.catch(() => this.metadata.delete(cacheKey));
      this.metadata.set(cacheKey, pending);
    }
    return pending;
  }

  async read(request: ReadTableRequest): Promise<TableRow[]> {
    const info = await this.fieldInfo(request.table, request.fields);
    const groups = planFieldGroups(info, request.keyFields, this.rowWidth);
    if (groups.length > 1 && request.rowCount) throw new RangeError('ROWCOUNT with a split field list would join different subsets of rows.');
    const options = toOptionLines(request.where);
    let joined: Map<string, TableRow> | undefined;
    for (const group of groups) {
      const parameters = { ROWSKIPS: 0, ROWCOUNT: request.rowCount ?? 0, NO_DATA: '' };
      const result = await this.callReadTable(request.table, group, parameters, options);
      const part = new Map<string, TableRow>();
      for (const row of sliceRows(result)) part.set(request.keyFields.map((key) => row[key] ?? '').join('\u0000'), row);
      if (!joined) {
        joined = part;
        continue;
      }
      // Rows missing from a later part changed between calls (no read consistency across RFC calls): dropped.
      const next = new Map<string, TableRow>();
      for (const [key, row] of joined) {
        const other = part.get(key);
        if (other) next.set(key, { ...row, ...other });
      }
      joined = next;
    }
    return [...(joined ?? new Map()).values()];
  }

  private async callReadTable(table: string, fields: string[], parameters: Record<string, unknown>, options: Array<{ TEXT: string }>) {
    try {
      return await this.transport.call(
        this.functionModule,
        { QUERY_TABLE: table, DELIMITER: '', ...parameters, OPTIONS: options, FIELDS: fields.map((name) => ({ FIELDNAME: name })) },
        { table, fields },
      );
    } catch (error) {
      // Some systems raise TABLE_WITHOUT_DATA (or message AD 718) for "nothing found": an empty result.
      if ((error as { backendCode?: string }).backendCode === 'TABLE_WITHOUT_DATA') {
        return { DATA: [], FIELDS: fields.map((name) => ({ FIELDNAME: name, OFFSET: '0', LENGTH: '0', TYPE: 'C' })) };
      }
      throw error;
    }
  }
}

function parseFields(fields: unknown): FieldInfo[] {
  if (!Array.isArray(fields)) throw new BackendError({ message: 'RFC_READ_TABLE returned no FIELDS table.', hint: 'Check that functionModule has the RFC_READ_TABLE interface.' });
  return fields.map((entry: Record<string, unknown>) => ({
    name: String(entry.FIELDNAME ?? '').trim(),
    length: Number(entry.LENGTH),
    type: String(entry.TYPE ?? 'C'),
  }));
}

/** Cuts each WA line into fields by the OFFSET/LENGTH the call returned; CHAR values lose their padding. */
function sliceRows(result: Record<string, unknown>): TableRow[] {
  const layout = (Array.isArray(result.FIELDS) ? result.FIELDS : []).map((entry: Record<string, unknown>) => ({
    name: String(entry.FIELDNAME ?? '').trim(),
    offset: Number(entry.OFFSET),
    length: Number(entry.LENGTH),
  }));
  const data = Array.isArray(result.DATA) ? (result.DATA as Array<{ WA?: unknown }>) : [];
  return data.map((line) => {
    const wa = String(line.WA ?? '');
    const row: TableRow = {};
    for (const field of layout) row[field.name] = wa.slice(field.offset, field.offset + field.length).trimEnd();
    return row;
  });
}
