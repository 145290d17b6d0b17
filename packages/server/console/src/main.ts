/** The console's entry: the page frame, the API key, sources and views, routing between list and detail, language. */
import './style.css';
import { apiKey, ApiError, errorMessageKey, getJson, saveApiKey, sourcePath } from './api.js';
import { closeAudit, renderAudit, runAudit } from './audit-panel.js';
import { parseRecordHash, renderDetail, showRecord } from './detail-page.js';
import { byId, h, replaceChildren } from './dom.js';
import { exportFile, renderExportStatus } from './export-action.js';
import { renderFilterBar } from './filter-bar.js';
import { renderList, searchFromStart, sortBy } from './list-page.js';
import type { Lang, MessageKey } from './messages.js';
import { DEFAULT_COLUMNS, type DistinctValues, type Field, FIELDS, FILTERS, fieldLabel, PAGE_SIZES, type SourceDescription, type SourceEntry, state, store, stored, t } from './state.js';

function showMessage(error: unknown): void {
  const box = byId('message');
  box.hidden = error === undefined;
  if (error !== undefined) replaceChildren(box, t(errorMessageKey(error)));
}

function renderFrame(): void {
  document.documentElement.lang = state.lang;
  document.title = `custcode — ${t('title')}`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as MessageKey);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder as MessageKey));
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel as MessageKey));
  renderColumnChooser();
}

function renderAll(): void {
  renderFrame();
  renderFilterBar(() => void searchFromStart());
  renderList();
  renderDetail();
  renderAudit();
  renderExportStatus();
}

function renderColumnChooser(): void {
  const boxes = FIELDS.map((field) => {
    const box = h('input', { type: 'checkbox', id: `column-${field}`, 'data-field': field });
    box.checked = state.columns.includes(field);
    box.addEventListener('change', () => {
      state.columns = FIELDS.filter((name) => byId<HTMLInputElement>(`column-${name}`).checked);
      if (state.columns.length === 0) state.columns = ['code'];
      store('custcode.columns', state.columns);
      renderList();
    });
    return h('label', {}, box, ` ${fieldLabel(field)}`);
  });
  replaceChildren(byId('column-chooser'), ...boxes);
}

const current = (): SourceEntry | undefined => state.sources.find((source) => source.name === state.source);
const can = (command: string) => current()?.commands.includes(command) ?? false;

/** Switches to a source: its description (fields, org scope, filters it answers) and its filter values, then the first page. */
async function selectSource(name: string): Promise<void> {
  state.source = name;
  state.description = undefined;
  state.values = undefined;
  state.sort = undefined;
  // The previous source's rows go at once; the grid shows it is loading while the description is read.
  state.items = [];
  state.error = undefined;
  state.loading = true;
  renderList();
  store('custcode.source', name);
  byId<HTMLSelectElement>('source').value = name;
  byId('export').hidden = byId('export-format').hidden = !can('export');
  byId('audit').hidden = !can('audit');
  closeAudit();
  try {
    state.description = (await getJson<{ description: SourceDescription }>(sourcePath(name))).description;
  } catch (error) {
    showMessage(error);
  }
  renderFilterBar(() => void searchFromStart());
  const search = searchFromStart();
  getJson<DistinctValues>(sourcePath(name, '/values'))
    .then((values) => {
      if (state.source !== name) return;
      state.values = values;
      renderFilterBar(() => void searchFromStart());
    })
    .catch(() => {
      // Without the values the filters still offer "any" and what a view set.
    });
  await search;
}

function applyView(name: string): void {
  const view = state.views[name];
  if (!view) return;
  state.text = typeof view.text === 'string' ? view.text : '';
  byId<HTMLInputElement>('search').value = state.text;
  state.filters = {};
  for (const filter of FILTERS) {
    const value = view[filter];
    if (value !== undefined) state.filters[filter] = Array.isArray(value) ? value.join(',') : String(value);
  }
  if (Array.isArray(view.fields) || typeof view.fields === 'string') {
    const fields = Array.isArray(view.fields) ? (view.fields as string[]) : String(view.fields).split(',');
    state.columns = fields.map((field) => field.trim()).filter((field): field is Field => FIELDS.includes(field as Field));
    renderColumnChooser();
  }
  void selectSource(String(view.source));
}

function route(): void {
  const address = parseRecordHash(location.hash);
  byId('list-page').hidden = address !== undefined;
  byId('detail-page').hidden = address === undefined;
  if (address) void showRecord(address);
}

async function load(): Promise<void> {
  try {
    const { sources } = await getJson<{ sources: SourceEntry[] }>('/sources');
    showMessage(undefined);
    state.sources = sources;
    const select = byId<HTMLSelectElement>('source');
    replaceChildren(select, ...sources.map((source) => h('option', { value: source.name }, `${source.name} — ${source.label ?? source.erp}`)));
    const last = stored('custcode.source', '');
    route();
    const views = getJson<{ views: Record<string, Record<string, unknown>> }>('/views');
    await selectSource(sources.some((source) => source.name === last) ? last : (sources[0]?.name ?? ''));
    state.views = (await views).views;
    replaceChildren(byId('view'), h('option', { value: '', 'data-i18n': 'none' }, t('none')), ...Object.keys(state.views).map((name) => h('option', { value: name }, name)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      byId('key-dialog').hidden = false;
      byId('api-key').focus();
      return;
    }
    showMessage(error);
  }
}

let typing: ReturnType<typeof setTimeout> | undefined;

document.addEventListener('DOMContentLoaded', () => {
  state.lang = stored<Lang>('custcode.lang', navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  if (state.lang !== 'zh-CN' && state.lang !== 'en') state.lang = 'zh-CN';
  const columns = stored<unknown>('custcode.columns', null);
  if (Array.isArray(columns) && columns.length > 0) state.columns = columns.filter((field): field is Field => FIELDS.includes(field as Field));
  if (state.columns.length === 0) state.columns = [...DEFAULT_COLUMNS];
  const size = stored<number>('custcode.pageSize', 50);
  state.pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : 50;
  renderAll();

  byId('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN';
    store('custcode.lang', state.lang);
    renderAll();
  });
  byId<HTMLInputElement>('search').addEventListener('input', (event) => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.text = (event.target as HTMLInputElement).value;
      void searchFromStart();
    }, 250);
  });
  byId<HTMLSelectElement>('source').addEventListener('change', (event) => void selectSource((event.target as HTMLSelectElement).value));
  byId<HTMLSelectElement>('view').addEventListener('change', (event) => applyView((event.target as HTMLSelectElement).value));
  byId('filters-toggle').addEventListener('click', () => {
    const open = byId('filter-bar').classList.toggle('open');
    byId('filters-toggle').setAttribute('aria-expanded', String(open));
  });
  byId('columns').addEventListener('click', () => (byId('column-chooser').hidden = !byId('column-chooser').hidden));
  byId<HTMLSelectElement>('sort-select').addEventListener('change', (event) => {
    const [field, direction] = (event.target as HTMLSelectElement).value.split(':');
    sortBy(field && (direction === 'asc' || direction === 'desc') ? { field, direction } : undefined);
  });
  byId('export').addEventListener('click', () => void exportFile());
  byId('audit').addEventListener('click', () => void runAudit());
  byId('back').addEventListener('click', () => (location.hash = ''));
  byId('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    saveApiKey(byId<HTMLInputElement>('api-key').value.trim());
    byId('key-dialog').hidden = true;
    void load();
  });
  window.addEventListener('hashchange', route);
  if (!apiKey()) byId('key-dialog').hidden = true;
  void load();
});
