/** What the console holds between renders, and the translation function every view uses. */
import type { CustomerRow, SortOrder } from './format.js';
import { type Lang, message, type MessageKey } from './messages.js';

export const FIELDS = ['code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt', 'org', 'source', 'erp'] as const;
export type Field = (typeof FIELDS)[number];
export const DEFAULT_COLUMNS: Field[] = ['code', 'name', 'shortName', 'phone', 'region', 'status', 'org'];
export const FILTERS = ['category', 'region', 'status', 'org', 'createdFrom', 'createdTo', 'updatedSince'] as const;
export type FilterName = (typeof FILTERS)[number];
export const PAGE_SIZES = [20, 50, 100, 200] as const;

export interface SourceEntry {
  name: string;
  erp: string;
  /** Being added to /sources; shown instead of the name when present. */
  label?: string;
  commands: string[];
}

export interface SourceDescription {
  fields: string[];
  orgScope: { kind: string };
  changeTracking: 'modified-column' | 'created-column' | 'none';
  unsupportedFilters: string[];
  /** Fields the source sorts the whole result by; absent or empty: it cannot sort. */
  sortFields?: string[];
  sortUnsupportedReason?: string;
}

/** Whether the source sorts the whole result by `field` (the grid then asks the server, page by page). */
export const sortable = (field: string) => state.description?.sortFields?.includes(field) ?? false;

export interface DistinctValues {
  values: Record<'category' | 'region' | 'org', Array<{ value: string; count: number }>>;
  truncated: boolean;
}

export const state = {
  lang: 'zh-CN' as Lang,
  sources: [] as SourceEntry[],
  views: {} as Record<string, Record<string, unknown>>,
  source: '',
  description: undefined as SourceDescription | undefined,
  values: undefined as DistinctValues | undefined,
  columns: [...DEFAULT_COLUMNS] as Field[],
  text: '',
  filters: {} as Partial<Record<FilterName, string>>,
  pageSize: 50,
  page: 0,
  /** cursors[i] starts page i (undefined for the first); its length is how many pages can be reached. */
  cursors: [undefined] as Array<string | undefined>,
  items: [] as CustomerRow[],
  total: undefined as number | undefined,
  textFields: undefined as string[] | undefined,
  sort: undefined as SortOrder | undefined,
  loading: false,
  error: undefined as unknown,
  /** When set, the grid lists the records an audit finding names instead of a search. */
  findings: undefined as { kind: string; keys: RecordKey[] } | undefined,
};

/** One stored record as the record route addresses it (no org: its first row in any org). */
export interface RecordKey {
  code: string;
  org?: string;
  occurrence?: number;
}

export const t = (key: MessageKey, values?: Record<string, string | number>) => message(state.lang, key, values);
export const fieldLabel = (field: string) => (FIELDS.includes(field as Field) ? t(`field.${field}` as MessageKey) : field);
export const statusLabel = (status: string) => (['active', 'blocked', 'deleted'].includes(status) ? t(`status.${status}` as MessageKey) : status);

export function stored<T>(key: string, fallback: T): T {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : (JSON.parse(value) as T);
  } catch {
    return fallback;
  }
}

export function store(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // private mode: remembered for this page only
  }
}

/** The columns the grid shows: the chosen ones the source can fill, and the org (after the code) whenever the source scopes by org. */
export function shownColumns(): Field[] {
  const description = state.description;
  if (!description) return state.columns;
  const always = new Set<string>(['code', 'name', 'status', 'source', 'erp']);
  const scoped = description.orgScope.kind !== 'none';
  const columns = state.columns.filter((field) => field !== 'org' && (always.has(field) || description.fields.includes(field)));
  // Right after the code: one code in several orgs is several rows, told apart by their org.
  if (scoped) columns.splice(columns[0] === 'code' ? 1 : 0, 0, 'org');
  return columns;
}
