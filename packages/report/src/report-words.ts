import type { CustomerField, CustomerStatus } from '@custcode/core';
import { type CatalogueKey, type DocumentLang, documentTerm, fieldLabel, statusTerm } from '@custcode/core/messages';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The words of one report, all from the catalogue, in its language (`both`: `中文 English`, the default). */
export interface ReportWords {
  lang: DocumentLang;
  term(key: CatalogueKey, values?: Readonly<Record<string, string | number>>): string;
  status(status: CustomerStatus | string): string;
  field(field: CustomerField): string;
  /** `2024-03` as `2024年3月` or `Mar 2024`; kept as is in both languages and for anything that is not a month. */
  month(key: string): string;
}

export function reportWords(lang: DocumentLang = 'both'): ReportWords {
  const one = (pick: (single: 'zh-CN' | 'en') => string) => (lang === 'both' ? `${pick('zh-CN')} ${pick('en')}` : pick(lang));
  return {
    lang,
    term: (key, values) => documentTerm(lang, key, values),
    status: (status) => (status === 'active' || status === 'blocked' || status === 'deleted' ? one((single) => statusTerm(single, status)) : status),
    field: (field) => one((single) => fieldLabel(single, field)),
    month: (key) => {
      const match = /^(\d{4})-(\d{2})$/.exec(key);
      if (!match || lang === 'both') return key;
      const [year, month] = [match[1]!, Number(match[2])];
      return lang === 'zh-CN' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
    },
  };
}
