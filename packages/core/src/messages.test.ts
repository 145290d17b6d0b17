import { describe, expect, it } from 'vitest';
import { CATALOGUE, documentTerm, localeLang, parseLang, translate } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message catalogue', () => {
  it('has every term in both languages, non-empty, with the same placeholders', () => {
    const keys = Object.keys(CATALOGUE['zh-CN']);
    expect(Object.keys(CATALOGUE.en).sort()).toEqual([...keys].sort());
    for (const key of keys as Array<keyof (typeof CATALOGUE)['en']>) {
      expect(CATALOGUE['zh-CN'][key].trim(), key).not.toBe('');
      expect(CATALOGUE.en[key].trim(), key).not.toBe('');
      expect(placeholders(CATALOGUE.en[key]), key).toEqual(placeholders(CATALOGUE['zh-CN'][key]));
    }
  });

  it('the Chinese side is Chinese and the English side has no Chinese character', () => {
    const han = /\p{Script=Han}/u;
    expect(Object.entries(CATALOGUE.en).filter(([, text]) => han.test(text))).toEqual([]);
    // No English word on the Chinese side but names both languages write alike (ERP, flags, columns of the ERP).
    const KEPT = /\b(ERP|API|HTML|JSON|CSV|custcode|export|limit|json|since|updatedAt|dEndDate)\b|--\w+/g;
    const english = Object.entries(CATALOGUE['zh-CN']).filter(([, text]) => /[A-Za-z]{3,}/.test(text.replace(/\{\w+\}/g, '').replace(KEPT, '')));
    expect(english).toEqual([]);
  });

  it('documentTerm: one language, or both side by side', () => {
    expect(documentTerm('zh-CN', 'status.blocked')).toBe('停用');
    expect(documentTerm('en', 'status.blocked')).toBe('Blocked');
    expect(documentTerm('both', 'status.blocked')).toBe('停用 Blocked');
    expect(documentTerm('both', 'pageOf', { page: 2, pages: 5 })).toBe('第 2 / 5 页 Page 2 of 5');
    expect(translate('en', 'cli.notFound', { code: 'X1' })).toBe('not found: X1');
  });

  it('reads languages from flags and locales', () => {
    expect(['zh', 'ZH-cn', 'cn', ' zh '].map(parseLang)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(parseLang('en')).toBe('en');
    expect(() => parseLang('fr')).toThrow(/Unknown language "fr"/);
    expect(['zh_CN.UTF-8', 'zh_TW', 'zh', 'en_US.UTF-8', 'C.UTF-8', 'POSIX'].map(localeLang)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en']);
    expect(localeLang(undefined)).toBeUndefined();
    expect(localeLang('')).toBeUndefined();
    // A locale that merely starts with the letters zh is not Chinese.
    expect(localeLang('zhx_YY')).toBe('en');
  });
});
