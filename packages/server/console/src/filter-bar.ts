/** The filter bar: the source's own category/region/org values as choices, only the filters the source can answer. */
import { h, byId, replaceChildren } from './dom.js';
import { formatCount } from './format.js';
import type { MessageKey } from './messages.js';
import { FILTERS, type FilterName, fieldLabel, state, statusLabel, t } from './state.js';

const VALUE_FILTERS = ['category', 'region', 'org'] as const;
const DATE_FILTERS = ['createdFrom', 'createdTo', 'updatedSince'] as const;

/** Whether the current source can evaluate `filter` (describe(): its fields, org scope, change tracking, unsupported filters). */
export function filterAvailable(filter: FilterName): boolean {
  const description = state.description;
  if (!description) return true;
  if (description.unsupportedFilters.includes(filter)) return false;
  switch (filter) {
    case 'org':
      return description.orgScope.kind !== 'none';
    case 'category':
    case 'region':
      return description.fields.includes(filter);
    case 'createdFrom':
    case 'createdTo':
      return description.fields.includes('createdAt');
    case 'updatedSince':
      return description.changeTracking !== 'none';
    default:
      return true;
  }
}

export const filterLabel = (filter: FilterName) => (DATE_FILTERS.includes(filter as (typeof DATE_FILTERS)[number]) ? t(`filter.${filter}` as MessageKey) : fieldLabel(filter));

/** The filters in force that the source can answer (a view may name one it cannot: it is dropped, not sent). */
export function activeFilters(): Array<[FilterName, string]> {
  return FILTERS.filter((filter) => filterAvailable(filter) && (state.filters[filter] ?? '') !== '').map((filter) => [filter, state.filters[filter]!]);
}

function choice(filter: (typeof VALUE_FILTERS)[number] | 'status'): HTMLSelectElement {
  const select = h('select', { id: `filter-${filter}` }, h('option', { value: '' }, t('any')));
  const current = state.filters[filter] ?? '';
  const options = filter === 'status' ? ['active', 'blocked', 'deleted'].map((value) => ({ value, text: statusLabel(value) })) : (state.values?.values[filter] ?? []).map((item) => ({ value: item.value, text: `${item.value} (${formatCount(item.count, state.lang)})` }));
  // A value from a saved view that the list does not hold (yet) stays selectable.
  if (current !== '' && !options.some((option) => option.value === current)) options.unshift({ value: current, text: current });
  for (const option of options) select.append(h('option', { value: option.value }, option.text));
  select.value = current;
  return select;
}

/** Rebuilds the bar (after the source, its values or the language changed); `changed` runs a new search. */
export function renderFilterBar(changed: () => void): void {
  const bar = byId('filter-bar');
  const controls: HTMLElement[] = [];
  for (const filter of FILTERS) {
    if (!filterAvailable(filter)) continue;
    const input = DATE_FILTERS.includes(filter as (typeof DATE_FILTERS)[number]) ? h('input', { id: `filter-${filter}`, type: 'date', value: state.filters[filter] ?? '' }) : choice(filter as (typeof VALUE_FILTERS)[number] | 'status');
    input.addEventListener('change', () => {
      state.filters[filter] = input.value;
      changed();
    });
    controls.push(h('label', {}, h('span', {}, filterLabel(filter)), input));
  }
  const clear = h('button', { type: 'button', id: 'clear-filters' }, t('clearFilters'));
  clear.addEventListener('click', () => {
    state.filters = {};
    state.text = '';
    byId<HTMLInputElement>('search').value = '';
    byId<HTMLSelectElement>('view').value = '';
    renderFilterBar(changed);
    changed();
  });
  replaceChildren(bar, ...controls, clear);
}
