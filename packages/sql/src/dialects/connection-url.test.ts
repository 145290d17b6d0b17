import { isCustcodeError } from '@custcode/core';
import { describe, expect, it } from 'vitest';
import { parseConnectionUrl } from './connection-url.js';

describe('parseConnectionUrl', () => {
  it('reads server URLs, decoding user, password and database', () => {
    expect(parseConnectionUrl('mssql://sa:p%40ss@10.0.0.5:1433/UFDATA_001_2024?encrypt=false')).toEqual({
      dialect: 'mssql',
      host: '10.0.0.5',
      port: 1433,
      database: 'UFDATA_001_2024',
      user: 'sa',
      password: 'p@ss',
      options: { encrypt: 'false' },
    });
    expect(parseConnectionUrl('postgres://postgres@127.0.0.1/test')).toEqual({ dialect: 'postgres', host: '127.0.0.1', database: 'test', user: 'postgres', options: {} });
    expect(parseConnectionUrl('mysql://root@db.local:3307/crm').dialect).toBe('mysql');
    expect(parseConnectionUrl('mariadb://root@db.local/crm').dialect).toBe('mysql');
    expect(parseConnectionUrl('postgresql://u@h/d').dialect).toBe('postgres');
    expect(parseConnectionUrl('oracle://apps@ebs:1521/EBSDB')).toMatchObject({ dialect: 'oracle', database: 'EBSDB', port: 1521, user: 'apps' });
  });

  it('reads sqlite file paths', () => {
    expect(parseConnectionUrl('sqlite:./k3.sqlite')).toEqual({ dialect: 'sqlite', file: './k3.sqlite', options: {} });
    expect(parseConnectionUrl('sqlite:///var/data/k3.sqlite').file).toBe('/var/data/k3.sqlite');
    expect(parseConnectionUrl('sqlite:/tmp/a b.sqlite').file).toBe('/tmp/a b.sqlite');
  });

  it('refuses unknown schemes and malformed URLs without echoing the password', () => {
    for (const url of ['db2://u:secret123@h/d', 'mysql://u:secret123@', 'sqlite:', 'no-scheme']) {
      let caught: unknown;
      try {
        parseConnectionUrl(url);
      } catch (error) {
        caught = error;
      }
      expect(isCustcodeError(caught, 'CONFIG_INVALID')).toBe(true);
      expect(String((caught as Error).message)).not.toContain('secret123');
    }
  });
});
