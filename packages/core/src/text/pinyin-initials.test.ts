import { describe, expect, it } from 'vitest';
import { isPinyinQuery, pinyinInitials } from './pinyin-initials.js';

describe('pinyinInitials', () => {
  it('gives the lower-case initials of a Chinese name', () => {
    expect(pinyinInitials('北京星辰科技有限公司')).toBe('bjxckjyxgs');
    expect(pinyinInitials('上海明辉贸易')).toBe('shmhmy');
  });

  it('keeps Latin letters and digits, drops punctuation', () => {
    expect(pinyinInitials('北京华为 A1')).toBe('bjhwa1');
    expect(pinyinInitials('星辰（北京）有限公司')).toBe('xcbjyxgs');
  });

  it('uses the usual reading of polyphonic characters in company names', () => {
    expect(pinyinInitials('重庆银行')).toBe('cqyh');
    expect(pinyinInitials('长沙')).toBe('cs');
  });

  it('returns an empty string for text without Chinese characters', () => {
    expect(pinyinInitials('Acme Trading Co., Ltd.')).toBe('');
    expect(pinyinInitials('')).toBe('');
  });
});

describe('isPinyinQuery', () => {
  it('accepts ASCII letters only', () => {
    expect(isPinyinQuery('bjxc')).toBe(true);
    expect(isPinyinQuery('BJXC')).toBe(true);
    for (const text of ['', 'bj1', 'bj xc', '北京', 'bj%']) expect(isPinyinQuery(text), text).toBe(false);
  });
});
