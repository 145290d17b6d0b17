import { describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../config/load-config.js';
import { parseSortFlag, resolveQuery } from './query-options.js';

const loaded = { path: 'custcode.config.json', directory: '.', config: { sources: {} }, adapters: new Map() } as unknown as LoadedConfig;

describe('--sort', () => {
  it('becomes the query sort: FIELD, FIELD:desc, comma-separated, or relevance', () => {
    expect(resolveQuery(loaded, 'u8', 'KH', { sort: 'name:desc,code' }).query.sort).toEqual([{ field: 'name', direction: 'desc' }, { field: 'code' }]);
    expect(resolveQuery(loaded, 'u8', 'KH', { sort: 'relevance' }).query.sort).toEqual([{ field: 'relevance' }]);
  });

  it('refuses a bad direction, an unknown field or relevance mixed with fields as a usage error naming --sort', () => {
    expect(() => parseSortFlag('name:up')).toThrow(/--sort/);
    for (const sort of ['colour', 'taxId:desc', 'relevance,name']) {
      const error = (() => {
        try {
          resolveQuery(loaded, 'u8', undefined, { sort });
        } catch (caught) {
          return caught as Error & { code?: string };
        }
        return undefined;
      })();
      expect(error?.message, sort).toMatch(/--sort/);
    }
  });
});
