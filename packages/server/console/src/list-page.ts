/** The list: paged search with a total, the grid (sortable, highlighted, odd codes marked), the pager and the states. */
import { errorMessageKey, getJson, sourcePath, ApiError } from './api.js';
import { byId, h, replaceChildren } from './dom.js';
import { activeFilters, filterLabel } from './filter-bar.js';
import { codeOddities, type CustomerRow, formatCount, formatTimestamp, matchRanges, occurrenceOf, type SortOrder, sortRows } from './format.js';
import type { MessageKey } from './messages.js';
import { type Field, fieldLabel, PAGE_SIZES, type RecordKey, shownColumns, sortable, state, statusLabel, store, t } from './state.js';

interface Page {
  items: CustomerRow[];
  nextCursor?: string;
  total?: number;
  textFields?: string[];
}

let generation = 0;
let controller: AbortController | undefined;

/** The query string of the current search (text and the filters the source can answer) plus `extra`. */
export function searchParameters(extra: Record<string, string | undefined> = {}): URLSearchParams {
  const parameters = new URLSearchParams();
  if (state.text.trim()) parameters.set('text', state.text.trim());
  for (const [filter, value] of activeFilters()) parameters.set(filter, value);
  const order = sortParameter();
  if (order !== undefined) parameters.set('sort', order);
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) parameters.set(name, value);
  return parameters;
}

/**
 * The server-side order: the chosen column (the whole result, so page numbers and totals hold), else
 * relevance while searching text (exact code, code prefix, name prefix, word start, contains).
 */
export function sortParameter(): string | undefined {
  if (state.sort && sortable(state.sort.field)) return `${state.sort.field}:${state.sort.direction}`;
  return state.text.trim() ? 'relevance' : undefined;
}

/** Sorts the whole result by a column (undefined: back to relevance / code order) from page 1. */
export function sortBy(order: SortOrder | undefined): void {
  state.sort = order;
  // An audit's finding list is complete on screen: it is sorted where it is.
  if (state.findings) renderList();
  else void searchFromStart();
}

/** At most this many records of one audit finding are listed (each is one exact lookup). */
export const MAX_FINDING_ROWS = 200;

/** Lists the records an audit finding names, each read exactly as stored (a few lookups at a time). */
export async function showFindings(kind: string, keys: RecordKey[]): Promise<void> {
  const mine = ++generation;
  controller?.abort();
  state.findings = { kind, keys };
  state.loading = true;
  state.page = 0;
  state.sort = undefined;
  renderList();
  // The counts sit above the grid (with the full report open, far above): bring the list into view.
  byId('findings-banner').scrollIntoView({ block: 'start' });
  const wanted = keys.slice(0, MAX_FINDING_ROWS);
  const found: Array<CustomerRow | undefined> = new Array(wanted.length);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < wanted.length && failure === undefined) {
      const index = next++;
      const key = wanted[index]!;
      const parameters = new URLSearchParams({ code: key.code });
      if (key.org !== undefined) parameters.set('org', key.org);
      if (key.occurrence !== undefined && key.occurrence > 1) parameters.set('occurrence', String(key.occurrence));
      try {
        found[index] = await getJson<CustomerRow>(sourcePath(state.source, `/record?${parameters}`));
      } catch (error) {
        // A record deleted since the audit (or outside the role) is left out; anything else stops the list.
        if (!(error instanceof ApiError && error.status === 404)) failure = error;
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  if (mine !== generation) return;
  state.items = found.filter((row): row is CustomerRow => row !== undefined);
  state.error = failure;
  if (failure) state.items = [];
  state.loading = false;
  renderList();
}

/** Starts over at page 1 (new text, filters, source or page size). */
export function searchFromStart(): Promise<void> {
  state.findings = undefined;
  state.cursors = [undefined];
  state.total = undefined;
  return loadPage(0);
}

/** Loads page `page` (0-based; its cursor must be known). Older answers still under way are dropped. */
export async function loadPage(page: number): Promise<void> {
  if (!state.source) return;
  const mine = ++generation;
  controller?.abort();
  controller = new AbortController();
  state.findings = undefined;
  state.loading = true;
  renderList();
  const parameters = searchParameters({ limit: String(state.pageSize), cursor: state.cursors[page], count: state.total === undefined ? 'true' : undefined });
  try {
    const answer = await getJson<Page>(sourcePath(state.source, `/customers?${parameters}`), controller.signal);
    if (mine !== generation) return;
    state.page = page;
    state.items = answer.items;
    state.textFields = answer.textFields;
    if (answer.total !== undefined) state.total = answer.total;
    state.cursors = state.cursors.slice(0, page + 1);
    if (answer.nextCursor !== undefined) state.cursors.push(answer.nextCursor);
    state.error = undefined;
  } catch (error) {
    if ((error as Error).name === 'AbortError' || mine !== generation) return;
    // Never an error above rows that no longer answer the question on screen.
    state.items = [];
    state.error = error;
  }
  state.loading = false;
  renderList();
}

/** Link to the exact stored record (code as stored, org, and which of several rows with that key). */
export function recordHash(row: CustomerRow, occurrence: number): string {
  const parameters = new URLSearchParams({ source: row.source, code: row.code });
  if (row.org !== undefined) parameters.set('org', row.org);
  if (occurrence > 1) parameters.set('occurrence', String(occurrence));
  return `#record?${parameters}`;
}

const ODDITY_KEYS = { empty: 'oddEmpty', leading: 'oddLeading', trailing: 'oddTrailing', 'full-width': 'oddFullWidth' } as const satisfies Record<string, MessageKey>;

/** The code with its surrounding spaces made visible and a badge per oddity. */
export function codeNodes(code: string): Node[] {
  const odd = codeOddities(code);
  const nodes: Node[] = [];
  if (odd.includes('empty')) nodes.push(h('em', { class: 'empty-code' }, t('emptyCode')));
  else {
    const [, leading = '', middle = '', trailing = ''] = /^(\s*)(.*?)(\s*)$/s.exec(code) ?? [];
    const spaces = (text: string) => (text ? h('span', { class: 'ws', 'aria-hidden': 'true' }, '␣'.repeat(text.length)) : undefined);
    for (const node of [spaces(leading), highlighted(middle), spaces(trailing)]) if (node) nodes.push(node);
  }
  for (const oddity of odd) nodes.push(h('span', { class: 'odd', 'data-odd': oddity }, t(ODDITY_KEYS[oddity])));
  return nodes;
}

/** `text` with the search term marked. */
function highlighted(text: string): Node {
  const ranges = matchRanges(text, state.text);
  if (ranges.length === 0) return document.createTextNode(text);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    fragment.append(text.slice(at, start), h('mark', {}, text.slice(start, end)));
    at = end;
  }
  fragment.append(text.slice(at));
  return fragment;
}

function cell(row: CustomerRow, field: Field, link: string): HTMLTableCellElement {
  const value = row[field];
  const td = h('td', { 'data-field': field, 'data-label': fieldLabel(field) });
  if (field === 'code') td.append(h('a', { href: link, class: 'code' }, ...codeNodes(row.code)));
  else if (field === 'status') td.append(h('span', { class: `badge status-${row.status}` }, statusLabel(row.status)));
  else if (value === undefined || value === null) td.append('');
  else if (field === 'createdAt' || field === 'updatedAt') td.append(formatTimestamp(String(value)));
  else if (field === 'name' || field === 'shortName') td.append(highlighted(String(value)));
  else td.append(String(value));
  return td;
}

function renderHead(columns: Field[]): void {
  const cells = columns.map((field) => {
    const sorted = state.sort?.field === field ? (state.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
    // The source sorts the whole result (an audit's list is sorted on screen); a column it cannot sort by says why.
    const canSort = state.findings !== undefined || sortable(field);
    const reason = state.description?.sortUnsupportedReason;
    const title = canSort ? t('sortServer') : reason ? `${t('sortUnavailable')} ${reason}` : t('sortUnavailable');
    const th = h('th', { 'data-field': field, scope: 'col', 'aria-sort': sorted, 'aria-disabled': canSort ? undefined : 'true', 'data-sortable': String(canSort), title }, fieldLabel(field));
    if (!canSort) return th;
    th.tabIndex = 0;
    const toggle = () => sortBy(state.sort?.field !== field ? { field, direction: 'asc' } : state.sort.direction === 'asc' ? { field, direction: 'desc' } : undefined);
    th.addEventListener('click', toggle);
    th.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        toggle();
      }
    });
    return th;
  });
  replaceChildren(byId('results-head'), h('tr', {}, ...cells));
}

function renderRows(columns: Field[]): void {
  const numbered = state.items.map((row, index) => ({ ...row, __occurrence: occurrenceOf(state.items, index) }));
  // Search pages come sorted by the server; only an audit's finding list is sorted here.
  const rows = (state.findings ? sortRows(numbered, state.sort) : numbered).map((row) => {
    const link = recordHash(row, row.__occurrence);
    const tr = h('tr', { 'data-code': row.code, 'data-org': row.org, 'data-odd': codeOddities(row.code).join(' ') || undefined }, ...columns.map((field) => cell(row, field, link)));
    tr.addEventListener('click', (event) => {
      if ((event.target as Element).closest('a')) return;
      location.hash = link;
    });
    return tr;
  });
  replaceChildren(byId('results-body'), ...rows);
}

function renderSortSelect(columns: Field[]): void {
  const select = byId<HTMLSelectElement>('sort-select');
  const current = state.sort ? `${state.sort.field}:${state.sort.direction}` : '';
  const options = [h('option', { value: '' }, t(state.text.trim() && !state.findings ? 'sortRelevance' : 'sortSource'))];
  for (const field of columns.filter((column) => state.findings !== undefined || sortable(column))) for (const direction of ['asc', 'desc'] as const) options.push(h('option', { value: `${field}:${direction}` }, `${fieldLabel(field)} · ${t(direction === 'asc' ? 'ascending' : 'descending')}`));
  replaceChildren(select, ...options);
  select.value = current;
  byId('sort-label-text').textContent = t('sortBy');
}

function renderState(): void {
  const box = byId('grid-state');
  const error = state.error;
  if (error) {
    const retry = h('button', { type: 'button', id: 'retry' }, t('retry'));
    retry.addEventListener('click', () => void loadPage(state.page));
    replaceChildren(box, h('p', { class: 'error', 'data-error': error instanceof ApiError ? error.code : 'UNKNOWN' }, t(errorMessageKey(error))), retry, h('details', {}, h('summary', {}, t('details')), h('code', {}, (error as Error).message)));
    box.hidden = false;
    return;
  }
  if (!state.loading && state.items.length === 0 && !state.findings) {
    const conditions = activeFilters().map(([filter, value]) => h('li', {}, `${filterLabel(filter)}: ${filter === 'status' ? statusLabel(value) : value}`));
    if (state.text.trim()) conditions.unshift(h('li', {}, `${t('searchText')}: ${state.text.trim()}`));
    const clear = h('button', { type: 'button' }, t('clearFilters'));
    clear.addEventListener('click', () => byId('clear-filters').click());
    replaceChildren(box, ...(conditions.length === 0 ? [h('p', { class: 'empty' }, t('emptySource'))] : [h('p', { class: 'empty' }, t('empty')), h('p', {}, t('emptyBecause')), h('ul', {}, ...conditions), clear]));
    box.hidden = false;
    return;
  }
  box.hidden = true;
}

function renderPager(): void {
  const pages = state.total === undefined ? undefined : Math.max(1, Math.ceil(state.total / state.pageSize));
  const reachable = state.cursors.length;
  const button = (label: string, page: number, attributes: Record<string, string | boolean | undefined> = {}) => {
    const node = h('button', { type: 'button', 'data-page': String(page + 1), ...attributes, disabled: state.loading || page < 0 || page >= reachable || attributes.disabled === true }, label);
    node.addEventListener('click', () => void loadPage(page));
    return node;
  };
  // Pages are read in order from a cursor: every page up to the next one after the furthest read can be opened.
  const first = Math.max(0, Math.min(state.page - 3, reachable - 7));
  const numbers: HTMLElement[] = [];
  for (let page = first; page < Math.min(reachable, first + 7); page++) numbers.push(button(formatCount(page + 1, state.lang), page, { 'aria-current': page === state.page ? 'page' : undefined, class: 'page-number' }));
  const size = h('select', { id: 'page-size', 'aria-label': t('pageSize') }, ...PAGE_SIZES.map((value) => h('option', { value: String(value) }, String(value))));
  size.value = String(state.pageSize);
  size.addEventListener('change', () => {
    state.pageSize = Number(size.value);
    store('custcode.pageSize', state.pageSize);
    void searchFromStart();
  });
  const label = pages === undefined ? t('pageOfUnknown', { page: formatCount(state.page + 1, state.lang) }) : t('pageOf', { page: formatCount(state.page + 1, state.lang), pages: formatCount(pages, state.lang) });
  replaceChildren(
    byId('pager'),
    button(t('previous'), state.page - 1, { id: 'page-previous' }),
    ...numbers,
    button(t('next'), state.page + 1, { id: 'page-next' }),
    h('span', { id: 'page-label' }, label),
    h('label', {}, h('span', {}, t('pageSize')), size, h('span', {}, t('rows'))),
  );
  byId('pager').hidden = state.findings !== undefined || (state.items.length === 0 && state.page === 0);
}

function renderFindingsBanner(): void {
  const banner = byId('findings-banner');
  const findings = state.findings;
  banner.hidden = findings === undefined;
  if (!findings) return;
  const back = h('button', { type: 'button', id: 'findings-back' }, t('backToList'));
  back.addEventListener('click', () => void searchFromStart());
  const capped = findings.keys.length > MAX_FINDING_ROWS ? t('findingsCapped', { shown: formatCount(MAX_FINDING_ROWS, state.lang) }) : '';
  replaceChildren(banner, h('span', {}, t('findingsShown', { kind: t(`kind.${findings.kind}` as MessageKey), n: formatCount(findings.keys.length, state.lang) }) + capped), back);
}

function renderCount(): void {
  const parts: string[] = [];
  if (state.findings) {
    byId('result-count').textContent = state.loading ? t('loading') : t('rowCount', { n: formatCount(state.items.length, state.lang) });
    return;
  }
  if (state.total !== undefined) parts.push(t('total', { total: formatCount(state.total, state.lang) }));
  if (state.items.length > 0) {
    const from = state.page * state.pageSize + 1;
    parts.push(t('showing', { from: formatCount(from, state.lang), to: formatCount(from + state.items.length - 1, state.lang) }));
  }
  if (state.textFields) parts.push(t('maskedText', { fields: state.textFields.map(fieldLabel).join(', ') }));
  byId('result-count').textContent = state.loading ? t('loading') : parts.join(' · ');
}

export function renderList(): void {
  const columns = shownColumns();
  renderHead(columns);
  renderRows(columns);
  renderSortSelect(columns);
  renderState();
  renderPager();
  renderFindingsBanner();
  renderCount();
  const table = byId('results');
  table.classList.toggle('loading', state.loading);
  table.setAttribute('aria-busy', String(state.loading));
  byId('progress').hidden = !state.loading;
}
