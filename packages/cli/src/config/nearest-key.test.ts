import { describe, expect, it } from 'vitest';
import { nearestKey } from './nearest-key.js';

describe('nearestKey', () => {
  it('suggests a close key and nothing for an unrelated one', () => {
    expect(nearestKey('pasword', ['erp', 'url', 'password'])).toBe('password');
    expect(nearestKey('tabel', ['table', 'columns'])).toBe('table');
    expect(nearestKey('URL', ['erp', 'url'])).toBe('url');
    expect(nearestKey('zzzzzz', ['erp', 'url', 'password'])).toBeUndefined();
  });
});
