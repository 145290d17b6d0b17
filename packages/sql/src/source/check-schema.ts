import { SchemaMismatchError } from '@custcode/core';
import { splitTableName, type SqlDialect } from '../dialects/sql-dialect.js';
import type { SqlExecutor } from '../executor/sql-executor.js';
import type { TableMapping } from '../mapping/table-mapping.js';
import { mappingColumns, mappingTables } from './mapping-columns.js';
import { nearestName } from './nearest-name.js';

/** What the catalog says about the mapped columns, for the compiler (see CompileOptions). */
export interface SchemaFacts {
  numericColumns: Set<string>;
  nullableColumns: Set<string>;
}

async function missingTable(executor: SqlExecutor, table: string, source: string): Promise<SchemaMismatchError> {
  const { schema, name } = splitTableName(table);
  // Only for the message: a catalog that cannot be listed still gives the plain error.
  const tables = await executor.listTables(schema).catch(() => [] as string[]);
  const suggestion = nearestName(name, tables);
  const shown = tables.length > 50 ? `${tables.slice(0, 50).join(', ')}, … (${tables.length} in all)` : tables.join(', ');
  return new SchemaMismatchError({
    message:
      `Source "${source}": table ${JSON.stringify(table)} does not exist (or this account cannot read it).` +
      `${suggestion ? ` Did you mean ${JSON.stringify(schema === undefined ? suggestion : `${schema}.${suggestion}`)}?` : ''}` +
      `${tables.length > 0 ? ` Tables: ${shown}.` : ''}`,
    hint: 'Check the table name, its schema prefix and its case, and that the account has SELECT on it.',
    missing: [table],
    available: tables,
  });
}

/**
 * Checks every table and column a mapping names against the database catalog. A missing one gives a
 * SchemaMismatchError naming it, listing what exists and suggesting the nearest spelling.
 * Returns the mapped column references the catalog declares numeric, and those it declares nullable.
 */
export async function checkSchema(executor: SqlExecutor, dialect: SqlDialect, mapping: TableMapping, source: string): Promise<SchemaFacts> {
  const tables = mappingTables(mapping);
  const columnsByAlias = new Map<string, string[]>();
  const typesByAlias = new Map<string, Map<string, { type: string; nullable: boolean }>>();
  const numeric = new Set<string>();
  const nullable = new Set<string>();
  for (const [alias, table] of tables) {
    const described = await executor.describeColumns(table);
    const columns = described.map((column) => column.name);
    typesByAlias.set(alias, new Map(described.map((column) => [column.name.toLowerCase(), column])));
    if (columns.length === 0) throw await missingTable(executor, table, source);
    columnsByAlias.set(alias, columns);
  }
  for (const reference of mappingColumns(mapping)) {
    const dot = reference.lastIndexOf('.');
    const alias = dot === -1 ? mapping.alias : reference.slice(0, dot);
    const column = reference.slice(dot + 1);
    const available = columnsByAlias.get(alias);
    if (available === undefined) {
      throw new SchemaMismatchError({
        message: `Source "${source}": column ${JSON.stringify(reference)} refers to the unknown table alias ${JSON.stringify(alias)}.`,
        hint: `Known aliases: ${[...tables.keys()].join(', ')}.`,
        missing: [reference],
        available: [],
      });
    }
    const found = available.includes(column) || (!dialect.identifiersCaseSensitive && available.some((name) => name.toLowerCase() === column.toLowerCase()));
    const facts = typesByAlias.get(alias)?.get(column.toLowerCase());
    if (found && facts && dialect.numericTypes.test(facts.type)) numeric.add(reference);
    if (found && facts?.nullable) nullable.add(reference);
    if (!found) {
      const suggestion = nearestName(column, available);
      throw new SchemaMismatchError({
        message:
          `Source "${source}": column ${JSON.stringify(column)} does not exist in table ${JSON.stringify(tables.get(alias))}.` +
          `${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''} Columns: ${available.join(', ')}.`,
        hint: suggestion ? `Use "${suggestion}" (names are matched exactly, case included).` : 'Use one of the listed columns.',
        missing: [column],
        available,
      });
    }
  }
  return { numericColumns: numeric, nullableColumns: nullable };
}
