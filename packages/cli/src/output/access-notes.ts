import { type AccessView, narrowedTextFields } from '@custcode/access';
import { type CustomerFilter, type CustomerSource, TEXT_FIELDS } from '@custcode/core';
import type { CommandIo } from '../command-io.js';

/** What the CLI user's role sees of a source opened by openSource (guarded), or undefined when unguarded. */
export function accessOf(source: CustomerSource): AccessView | undefined {
  return 'access' in source ? (source as { access: AccessView }).access : undefined;
}

/** A note on stderr when the user's role masks the name or short name, so that `text` did not match them. */
export function noteMaskedText(io: CommandIo, source: CustomerSource, query: CustomerFilter): void {
  const access = accessOf(source);
  const fields = access && narrowedTextFields(query, access.textFields);
  if (access === undefined || fields === undefined) return;
  const masked = TEXT_FIELDS.filter((field) => !access.textFields.includes(field));
  io.stderr.write(`note: ${masked.join(' and ')} ${masked.length === 1 ? 'is' : 'are'} masked for your role, so the search text matched ${fields.join(', ') || 'nothing'} only\n`);
}
