/** A field as RFC_READ_TABLE describes it with NO_DATA = 'X'. */
export interface FieldInfo {
  name: string;
  length: number;
  type: string;
}

/**
 * Splits a field list into groups whose rows fit one output line (`rowWidth` characters, no delimiter).
 * Every group starts with the key fields, so the parts of a row can be joined on them.
 */
export function planFieldGroups(fields: FieldInfo[], keyFields: string[], rowWidth: number): string[][] {
  const keys = keyFields.map((name) => {
    const info = fields.find((field) => field.name === name);
    if (!info) throw new RangeError(`Key field ${name} is not among the planned fields.`);
    return info;
  });
  const keyWidth = keys.reduce((sum, field) => sum + field.length, 0);
  const rest = fields.filter((field) => !keyFields.includes(field.name));
  if (keyWidth > rowWidth) throw new RangeError(`The key fields alone are ${keyWidth} characters wide, over the ${rowWidth}-character line.`);
  const groups: string[][] = [];
  let current: string[] = [];
  let width = keyWidth;
  for (const field of rest) {
    if (keyWidth + field.length > rowWidth) throw new RangeError(`Field ${field.name} (${field.length} characters) does not fit a ${rowWidth}-character line next to the key.`);
    if (width + field.length > rowWidth) {
      groups.push([...keyFields, ...current]);
      current = [];
      width = keyWidth;
    }
    current.push(field.name);
    width += field.length;
  }
  groups.push([...keyFields, ...current]);
  return groups;
}
