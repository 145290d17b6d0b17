import { describe, expect, it } from 'vitest';
import { connectionWithDefaultDialect } from './connection-with-default-dialect.js';

describe('connectionWithDefaultDialect', () => {
  const client = { query: async () => [] };

  it('fills in the dialect of a client given without one', () => {
    expect(connectionWithDefaultDialect({ client }, 'mssql')).toEqual({ dialect: 'mssql', client });
  });

  it('keeps a dialect the caller named, and URLs, unchanged', () => {
    expect(connectionWithDefaultDialect({ dialect: 'postgres', client }, 'oracle')).toEqual({ dialect: 'postgres', client });
    expect(connectionWithDefaultDialect('sqlite:./crm.sqlite', 'oracle')).toBe('sqlite:./crm.sqlite');
  });

  it('without a default, passes the connection through for createExecutor to judge', () => {
    const connection = { client };
    expect(connectionWithDefaultDialect(connection, undefined)).toBe(connection);
  });
});
