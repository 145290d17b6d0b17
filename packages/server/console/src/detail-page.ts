/** The detail page of one stored record, addressed by `#record?source=&code=&org=&occurrence=`. */
import { errorMessageKey, getJson, sourcePath } from './api.js';
import { byId, h, replaceChildren } from './dom.js';
import { type CustomerRow, formatTimestamp } from './format.js';
import { codeNodes } from './list-page.js';
import { FIELDS, fieldLabel, statusLabel, t } from './state.js';

export interface RecordAddress {
  source: string;
  code: string;
  org?: string;
  occurrence?: string;
}

/** The address in a `#record?…` hash, or undefined for any other hash. */
export function parseRecordHash(hash: string): RecordAddress | undefined {
  if (!hash.startsWith('#record?')) return undefined;
  const parameters = new URLSearchParams(hash.slice('#record?'.length));
  const source = parameters.get('source');
  const code = parameters.get('code');
  if (source === null || code === null) return undefined;
  const org = parameters.get('org');
  const occurrence = parameters.get('occurrence');
  return { source, code, ...(org === null ? {} : { org }), ...(occurrence === null ? {} : { occurrence }) };
}

let shown: { address: RecordAddress; customer?: CustomerRow; error?: unknown } | undefined;
let generation = 0;

export async function showRecord(address: RecordAddress): Promise<void> {
  const mine = ++generation;
  shown = { address };
  renderDetail();
  const parameters = new URLSearchParams({ code: address.code });
  if (address.org !== undefined) parameters.set('org', address.org);
  if (address.occurrence !== undefined) parameters.set('occurrence', address.occurrence);
  try {
    const customer = await getJson<CustomerRow>(sourcePath(address.source, `/record?${parameters}`));
    if (mine === generation) shown = { address, customer };
  } catch (error) {
    if (mine === generation) shown = { address, error };
  }
  if (mine === generation) renderDetail();
}

const display = (field: string, value: unknown) => (field === 'status' ? statusLabel(String(value)) : field === 'createdAt' || field === 'updatedAt' ? formatTimestamp(String(value)) : String(value));

export function renderDetail(): void {
  if (!shown) return;
  const { address, customer, error } = shown;
  const title = byId('detail-title');
  replaceChildren(title, ...codeNodes(customer?.code ?? address.code), customer ? ` — ${customer.name}` : '');
  byId('detail-state').hidden = customer !== undefined;
  replaceChildren(byId('detail-state'), error ? h('p', { class: 'error' }, t(errorMessageKey(error))) : h('p', {}, t('loading')));
  const fields = FIELDS.filter((field) => customer && customer[field] !== undefined).map((field) =>
    h('tr', { 'data-field': field }, h('th', { scope: 'row' }, fieldLabel(field)), h('td', {}, field === 'code' ? h('span', {}, ...codeNodes(customer!.code)) : display(field, customer![field]))),
  );
  replaceChildren(byId('detail-fields'), ...fields);
  const raw = Object.entries(customer?.raw ?? {}).map(([column, value]) =>
    h('tr', { 'data-column': column }, h('th', { scope: 'row' }, column), h('td', {}, value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))),
  );
  replaceChildren(byId('detail-raw'), ...raw);
  byId('detail-raw-heading').textContent = t('raw');
}
