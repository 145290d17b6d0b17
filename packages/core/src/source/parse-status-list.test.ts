import { describe, expect, it } from 'vitest';
import { parseStatusList } from './parse-status-list.js';

describe('parseStatusList', () => {
  it('reads one status as a value and several as a list, spaces and empty items ignored', () => {
    expect(parseStatusList('active')).toEqual({ status: 'active' });
    expect(parseStatusList(' active , blocked,')).toEqual({ status: ['active', 'blocked'] });
  });

  it('names the first unknown status', () => {
    expect(parseStatusList('active,frozen,gone')).toEqual({ unknown: 'frozen' });
  });
});
