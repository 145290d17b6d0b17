import { isCustcodeError } from '@custcode/core';
import { describe, expect, it } from 'vitest';
import { connectionUrlDialect, connectionUrlFile, fileConnectionUrl, parseConnectionUrl, resolveConnectionUrl } from './connection-url.js';

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
    expect(parseConnectionUrl('sqlserver://sa@h/UFDATA').dialect).toBe('mssql');
    expect(parseConnectionUrl('SQLServer://sa@h/UFDATA').dialect).toBe('mssql');
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

  it('names the dialect of a URL from its scheme alone', () => {
    expect(['mysql://h', 'mariadb://h', 'postgres://h', 'postgresql://h', 'mssql://h', 'sqlserver://h', 'oracle://h', 'sqlite:x'].map(connectionUrlDialect)).toEqual([
      'mysql', 'mysql', 'postgres', 'postgres', 'mssql', 'mssql', 'oracle', 'sqlite',
    ]);
    expect(['mariadbx://h', 'jdbc:mysql://h', './seq.json', 'C:\\data\\seq.json'].map(connectionUrlDialect)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('builds the URL of a database file, which the dialect opens again, and refuses a server dialect', () => {
    const url = fileConnectionUrl('sqlite', './u8.sqlite');
    expect(url).toBe('sqlite:./u8.sqlite');
    expect(parseConnectionUrl(url)).toMatchObject({ dialect: 'sqlite', file: './u8.sqlite' });
    expect(() => fileConnectionUrl('mysql', './u8.sqlite')).toThrow(/A mysql database is not a file/);
  });

  it('resolves a relative file path against a directory and leaves servers, absolute paths and memory alone', () => {
    expect(resolveConnectionUrl('sqlite:./k3.sqlite', '/etc/custcode')).toBe('sqlite:/etc/custcode/k3.sqlite');
    expect(resolveConnectionUrl('sqlite:/var/k3.sqlite', '/etc/custcode')).toBe('sqlite:/var/k3.sqlite');
    expect(resolveConnectionUrl('sqlite::memory:', '/etc/custcode')).toBe('sqlite::memory:');
    expect(resolveConnectionUrl('postgresql://u@h/d', '/etc/custcode')).toBe('postgresql://u@h/d');
    // A % in the directory survives parseConnectionUrl's decoding.
    expect(parseConnectionUrl(resolveConnectionUrl('sqlite:k3.sqlite', '/tmp/100%')).file).toBe('/tmp/100%/k3.sqlite');
    expect(() => resolveConnectionUrl('db2://u@h/d', '/etc')).toThrow(/Unsupported connection URL/);
  });

  it('a file URL names a file unless it is in memory; a server URL names none', () => {
    expect(connectionUrlFile(parseConnectionUrl('sqlite:./k3.sqlite'))).toBe('./k3.sqlite');
    expect(connectionUrlFile(parseConnectionUrl('sqlite::memory:'))).toBeUndefined();
    expect(connectionUrlFile(parseConnectionUrl('mysql://u@h/d'))).toBeUndefined();
  });
});
