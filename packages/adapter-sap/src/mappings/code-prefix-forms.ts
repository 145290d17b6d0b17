/**
 * The stored (ALPHA input) forms a code prefix matches, for both transports' pushdown: an all-digit prefix
 * also matches its zero-padded forms (`1000` is stored `0000001000`). A prefix with letters (case), a leading
 * zero, more than 10 characters or a character the target syntax cannot carry (`unsafe`) has no faithful
 * form: undefined, and the prefix is filtered after reading only.
 */
export function codePrefixForms(prefix: string, unsafe: RegExp): string[] | undefined {
  if (prefix === '' || prefix.length > 10 || unsafe.test(prefix) || prefix.toLowerCase() !== prefix.toUpperCase() || prefix.startsWith('0')) return undefined;
  const forms = [prefix];
  if (/^\d+$/.test(prefix)) for (let zeros = 1; zeros <= 10 - prefix.length; zeros++) forms.push(`${'0'.repeat(zeros)}${prefix}`);
  return forms;
}
