import { ConfigError } from '@custcode/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leakedPieces, secretUrlArbitrary } from '../../../test-support/secret-urls.js';
import { errorBody } from './http-error.js';

describe('errorBody', () => {
  it('redacts every URL of the message and hint, not only the secrets the server knows of', () => {
    fc.assert(
      fc.property(secretUrlArbitrary, (secretUrl) => {
        const { status, body } = errorBody(new ConfigError({ message: `Cannot open "${secretUrl.url}".`, hint: `Check ${secretUrl.url} in the config.` }));
        expect(status).toBe(500);
        expect(leakedPieces(JSON.stringify(body), secretUrl)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
