import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';
import { displayWidth, padDisplay } from './text-width.js';

describe('displayWidth', () => {
  it('counts Chinese and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('北京')).toBe(4);
    expect(displayWidth('ＡＢ１')).toBe(6);
    expect(displayWidth('A公司（测试）')).toBe(13);
    expect(padDisplay('北京', 6)).toBe('北京  ');
  });

  it('aligns table columns by display width', () => {
    const table = renderTable(['code', 'name', 'status'], [['C1', '北京', 'active'], ['C22', 'Acme', 'blocked']]);
    expect(table).toBe(['code  name  status', '----  ----  -------', 'C1    北京  active', 'C22   Acme  blocked', ''].join('\n'));
  });
});
