/**
 * A recording stand-in for the `mssql` package (no SQL Server runs in tests): it keeps every statement
 * and every `request.input(name, type, value)`, so tests can check that text is bound as NVARCHAR.
 * Use `pool` as `{ dialect: 'mssql', client: pool }`, or `module` as `importDriver: async () => module`
 * for a URL connection (the executor then builds its own ConnectionPool from it).
 */
export interface FakeMssqlInput {
  name: string;
  type: unknown;
  value: unknown;
}

export function fakeMssql(answer: (sql: string) => Promise<{ recordset: unknown[] }>) {
  const inputs: FakeMssqlInput[] = [];
  const statements: string[] = [];
  const request = () => {
    const pending = {
      input(name: string, type: unknown, value: unknown) {
        inputs.push({ name, type, value });
        return pending;
      },
      async query(sql: string) {
        statements.push(sql);
        return answer(sql);
      },
    };
    return pending;
  };
  const pool = { connect: async () => pool, close: async () => undefined, request };
  const types = { NVarChar: { type: 'NVarChar' }, Int: { type: 'Int' }, BigInt: { type: 'BigInt' }, Float: { type: 'Float' } };
  const module = {
    // The executor awaits connect() and then uses the pool itself.
    ConnectionPool: class {
      async connect(): Promise<void> {}
      async close(): Promise<void> {}
      request = request;
    },
    ...types,
  };
  return { pool, module, inputs, statements, ...types };
}
