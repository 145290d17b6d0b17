/**
 * `@custcode/core/messages`: the one zh-CN / en message catalogue of custcode. The console, the CLI,
 * exports, reports and the audit page take their words from here, so a term (a status, a column) reads
 * the same on every surface. Kept out of the main entry, which is the contract only.
 */
import type { CustomerField, CustomerStatus } from './customer/customer-schema.js';
import { ConfigError } from './errors/index.js';
import { AUDIT_PAGE_TERMS, type AuditPageKey } from './messages/audit-page-terms.js';
import { CLI_TERMS, type CliKey } from './messages/cli-terms.js';
import { REPORT_TERMS, type ReportKey } from './messages/report-terms.js';
import { SHARED_TERMS, type SharedKey } from './messages/shared-terms.js';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type CatalogueKey = SharedKey | AuditPageKey | CliKey | ReportKey;

export const CATALOGUE: Readonly<Record<Lang, Readonly<Record<CatalogueKey, string>>>> = {
  'zh-CN': { ...SHARED_TERMS['zh-CN'], ...AUDIT_PAGE_TERMS['zh-CN'], ...CLI_TERMS['zh-CN'], ...REPORT_TERMS['zh-CN'] },
  en: { ...SHARED_TERMS.en, ...AUDIT_PAGE_TERMS.en, ...CLI_TERMS.en, ...REPORT_TERMS.en },
};

/** The message in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: CatalogueKey, values: Readonly<Record<string, string | number>> = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export const statusTerm = (lang: Lang, status: CustomerStatus): string => CATALOGUE[lang][`status.${status}`];
export const fieldLabel = (lang: Lang, field: CustomerField): string => CATALOGUE[lang][`field.${field}`];

/** `zh`, `zh-CN`, `cn` and `en` (any case); anything else is a ConfigError naming the choices. */
export function parseLang(value: string): Lang {
  const lower = value.trim().toLowerCase();
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'cn') return 'zh-CN';
  if (lower === 'en') return 'en';
  throw new ConfigError({ message: `Unknown language "${value}".`, hint: 'Use zh (中文) or en (English).' });
}

/**
 * A document's language: one of LANGS, or `both` — each term as `中文 English`, the reports' form before
 * they could be written in one language (and still their default).
 */
export type DocumentLang = Lang | 'both';

/** The term in `lang`; with `both`, the Chinese and the English side by side. */
export function documentTerm(lang: DocumentLang, key: CatalogueKey, values: Readonly<Record<string, string | number>> = {}): string {
  return lang === 'both' ? `${translate('zh-CN', key, values)} ${translate('en', key, values)}` : translate(lang, key, values);
}

/** The language a locale string such as `zh_CN.UTF-8` (LANG, LC_ALL) asks for: Chinese for any zh locale, else none. */
export function localeLang(locale: string | undefined): Lang | undefined {
  if (locale === undefined || locale === '') return undefined;
  return /^zh([_-]|$|\.)/i.test(locale) ? 'zh-CN' : 'en';
}
