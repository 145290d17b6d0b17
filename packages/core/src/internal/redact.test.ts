import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl } from './redact.js';

describe('redactUrl', () => {
  it('hides the password of a connection URL and keeps user, host and database', () => {
    expect(redactUrl('mysql://root:S3cr3t-pw@127.0.0.1:3306/test')).toBe('mysql://root:***@127.0.0.1:3306/test');
    expect(redactUrl('mssql://sa:pw@10.0.0.5:1433/UFDATA_001_2024')).toBe('mssql://sa:***@10.0.0.5:1433/UFDATA_001_2024');
  });

  it('hides passwords holding unencoded @ or / completely', () => {
    expect(redactUrl('postgres://app:p@ss@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redactUrl('postgres://app:pa/ss@db:5432/x')).toBe('postgres://app:***@db:5432/x');
  });

  it('hides password-like query parameters', () => {
    expect(redactUrl('oracle://db:1521/ORCL?user=apps&password=S3cr3t-pw&x=1')).toBe('oracle://db:1521/ORCL?user=apps&password=***&x=1');
    expect(redactUrl('mssql://db/x;pwd=abc;encrypt=true')).toBe('mssql://db/x;pwd=***;encrypt=true');
  });

  it('leaves URLs without secrets alone', () => {
    for (const url of ['mysql://root@127.0.0.1:3306/test', 'sqlite:./k3.sqlite', 'postgres://db/x?sslmode=require']) expect(redactUrl(url)).toBe(url);
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret, also percent-encoded', () => {
    expect(redactSecrets('login S3cr3t-pw failed (S3cr3t-pw)', ['S3cr3t-pw'])).toBe('login *** failed (***)');
    expect(redactSecrets('url mysql://u:p%40ss%2Fw@h', ['p@ss/w'])).toBe('url mysql://u:***@h');
  });

  it('ignores undefined and very short secrets', () => {
    expect(redactSecrets('a b ab', [undefined, 'ab', ''])).toBe('a b ab');
  });
});
