import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leakedPieces, secretUrlArbitrary } from '../../../../test-support/secret-urls.js';
import { redactSecrets, redactStrings, redactUrl, redactUrls, urlSecrets } from './redact.js';

describe('redactUrl', () => {
  it('hides the password of a connection URL and keeps user, host and database', () => {
    expect(redactUrl('mysql://root:S3cr3t-pw@127.0.0.1:3306/test')).toBe('mysql://root:***@127.0.0.1:3306/test');
    expect(redactUrl('mssql://sa:pw@10.0.0.5:1433/UFDATA_001_2024')).toBe('mssql://sa:***@10.0.0.5:1433/UFDATA_001_2024');
  });

  it('hides passwords holding unencoded @, / or :, or percent-escapes, completely', () => {
    expect(redactUrl('postgres://app:p@ss@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redactUrl('postgres://app:pa/ss@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redactUrl('mariadbx://cc_ro:se/cret99@127.0.0.1/crm')).toBe('mariadbx://cc_ro:***@127.0.0.1/crm');
    expect(redactUrl('mysql://u:a:b%40c@h/db')).toBe('mysql://u:***@h/db');
  });

  it('works for unknown and nested schemes', () => {
    expect(redactUrl('jdbc:mysql://u:pw1234@h:3306/db')).toBe('jdbc:mysql://u:***@h:3306/db');
    expect(redactUrl('x-erp+tcp://u:pw1234@h/db')).toBe('x-erp+tcp://u:***@h/db');
  });

  it('hides password-like parameters, case-insensitively', () => {
    expect(redactUrl('oracle://db:1521/ORCL?user=apps&password=S3cr3t-pw&x=1')).toBe('oracle://db:1521/ORCL?user=apps&password=***&x=1');
    expect(redactUrl('mssql://db/x;Pwd=abc;encrypt=true')).toBe('mssql://db/x;Pwd=***;encrypt=true');
    expect(redactUrl('https://h/api?client_secret=abc&access_token=def')).toBe('https://h/api?client_secret=***&access_token=***');
  });

  it('hides more rather than less when an @ sits in a parameter', () => {
    expect(redactUrl('mysql://u@h:3306/db?password=ab@cd')).not.toMatch(/ab|cd/);
  });

  it('leaves URLs without secrets alone', () => {
    for (const url of ['mysql://root@127.0.0.1:3306/test', 'sqlite:./k3.sqlite', 'sqlite:./a:b@c.sqlite', 'postgres://db/x?sslmode=require', 'mysql://u@[::1]:3306/db']) {
      expect(redactUrl(url)).toBe(url);
      expect(urlSecrets(url)).toEqual([]);
    }
  });
});

describe('urlSecrets', () => {
  it('names the userinfo password and every password-like parameter', () => {
    expect(urlSecrets('mariadbx://cc_ro:se/cret99@127.0.0.1/crm?token=t0k')).toEqual(['se/cret99', 't0k']);
    expect(urlSecrets('mysql://u@h/db?PASSWORD=x1')).toEqual(['x1']);
  });
});

describe('redactUrls and redactSecrets', () => {
  it('redacts every URL inside a message', () => {
    expect(redactUrls('sources.crm: unsupported URL "mariadbx://cc_ro:se/cret99@127.0.0.1/crm". Use mysql:// or postgres://.')).toBe(
      'sources.crm: unsupported URL "mariadbx://cc_ro:***@127.0.0.1/crm". Use mysql:// or postgres://.',
    );
    expect(redactUrls('from a://u:p1@h to b://v:p2@k')).toBe('from a://u:***@h to b://v:***@k');
  });

  it('replaces every occurrence of each known secret, also percent-encoded', () => {
    expect(redactSecrets('login S3cr3t-pw failed (S3cr3t-pw)', ['S3cr3t-pw'])).toBe('login *** failed (***)');
    expect(redactSecrets('url sqlite:p%40ss%2Fw', ['p@ss/w'])).toBe('url sqlite:***');
  });

  it('ignores undefined and very short secrets', () => {
    expect(redactSecrets('a b ab', [undefined, 'ab', ''])).toBe('a b ab');
  });

  it('redacts every string of a JSON value', () => {
    expect(redactStrings({ message: 'mysql://u:pw1@h', details: [{ url: 'x://a:b12@c' }], count: 3 }, ['zzz'])).toEqual({ message: 'mysql://u:***@h', details: [{ url: 'x://a:***@c' }], count: 3 });
  });

  it('no piece of a generated secret survives in a message quoting the URL, with or without quotes', () => {
    fc.assert(
      fc.property(secretUrlArbitrary, (url) => {
        expect(urlSecrets(url.url).length).toBeGreaterThan(0);
        for (const message of [redactUrl(url.url), redactUrls(`bad URL "${url.url}".`), redactUrls(`bad URL ${url.url}, try again`), redactSecrets(`<${url.url}>`)]) {
          expect(leakedPieces(message, url)).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
