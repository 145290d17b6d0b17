import type { Condition, FieldSpec, TableMapping, ValueSpec } from '../mapping/table-mapping.js';

/** The tables a mapping reads, by alias. */
export function mappingTables(mapping: TableMapping): Map<string, string> {
  const tables = new Map<string, string>([[mapping.alias, mapping.table]]);
  for (const join of mapping.joins ?? []) tables.set(join.alias, join.table);
  if (mapping.org?.kind === 'exists') tables.set(mapping.org.alias, mapping.org.table);
  return tables;
}

/** Adds every column a condition reads to `columns`. */
function addConditionColumns(columns: Set<string>, value: Condition | undefined): void {
  if (!value) return;
  if ('all' in value) value.all.forEach((part) => addConditionColumns(columns, part));
  else if ('any' in value) value.any.forEach((part) => addConditionColumns(columns, part));
  else if ('not' in value) addConditionColumns(columns, value.not);
  else {
    columns.add(value.column);
    if ('equalsColumn' in value) columns.add(value.equalsColumn);
  }
}

/** Adds every column a (possibly nested) value reads to `columns`, the columns of its conditions included. */
function addValueColumns(columns: Set<string>, spec: ValueSpec): void {
  if (typeof spec === 'string') columns.add(spec);
  else if ('coalesce' in spec) spec.coalesce.forEach((part) => addValueColumns(columns, part));
  else if ('when' in spec) {
    addConditionColumns(columns, spec.when);
    addValueColumns(columns, spec.then);
    addValueColumns(columns, spec.else);
  } else {
    for (const part of spec.concat) {
      if (typeof part === 'object' && 'column' in part) {
        columns.add(part.column);
        addConditionColumns(columns, part.unless);
      } else addValueColumns(columns, part);
    }
  }
}

/** The columns one value reads, nested values and their conditions included. */
export function valueColumns(spec: ValueSpec): string[] {
  const columns = new Set<string>();
  addValueColumns(columns, spec);
  return [...columns];
}

/** Every column reference of a mapping (`alias.COLUMN`), once each. */
export function mappingColumns(mapping: TableMapping): string[] {
  const columns = new Set<string>([mapping.code, ...mapping.raw]);
  const condition = (value: Condition | undefined) => addConditionColumns(columns, value);
  const value = (spec: ValueSpec) => addValueColumns(columns, spec);
  const field = (spec: FieldSpec | undefined) => {
    if (spec === undefined) return;
    value(typeof spec === 'object' && 'value' in spec ? spec.value : spec);
    if (typeof spec === 'object' && 'value' in spec) spec.matchAlso?.forEach((reference) => columns.add(reference));
  };
  const { createdAt, updatedAt, ...textFields } = mapping.fields;
  Object.values(textFields).forEach(field);
  for (const reference of [createdAt, updatedAt, mapping.mnemonic]) if (reference) columns.add(reference);
  condition(mapping.where);
  condition(mapping.status.deleted);
  condition(mapping.status.blocked);
  for (const join of mapping.joins ?? []) {
    join.on.forEach(([left, right]) => columns.add(left).add(right));
    condition(join.where);
  }
  const org = mapping.org;
  if (org?.kind === 'column') {
    columns.add(org.column);
    condition(org.withoutOrg);
  } else if (org?.kind === 'exists') {
    org.on.forEach(([left, right]) => columns.add(left).add(right));
    columns.add(org.column);
    if (org.value) columns.add(org.value);
    condition(org.where);
  }
  return [...columns];
}
