import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { sqlIdentifierSchema, sqlSourceOptionsShape, sqlSourceSettings } from './sql-options-shape.js';

const schema = z.object({ name: z.string(), ...sqlSourceOptionsShape }).strict();

describe('sqlSourceOptionsShape', () => {
  it('accepts a URL or a client with an optional dialect', () => {
    expect(schema.safeParse({ name: 'u8', connection: 'mssql://sa@h/U' }).success).toBe(true);
    expect(schema.safeParse({ name: 'u8', connection: { client: {} } }).success).toBe(true);
    expect(schema.safeParse({ name: 'u8', connection: { dialect: 'mysql', client: {} } }).success).toBe(true);
  });

  it('rejects an empty URL, a missing client and non-positive sizes', () => {
    expect(schema.safeParse({ name: 'u8', connection: '' }).success).toBe(false);
    expect(schema.safeParse({ name: 'u8', connection: { dialect: 'mysql' } }).success).toBe(false);
    expect(schema.safeParse({ name: 'u8', connection: 'sqlite:x', pageSize: 0 }).success).toBe(false);
    expect(schema.safeParse({ name: 'u8', connection: 'sqlite:x', queryTimeoutMs: 1.5 }).success).toBe(false);
  });

  it('identifiers are plain names only', () => {
    expect(sqlIdentifierSchema.safeParse('UFDATA_001$').success).toBe(true);
    expect(sqlIdentifierSchema.safeParse('dbo.x').success).toBe(false);
    expect(sqlIdentifierSchema.safeParse('x; DROP').success).toBe(false);
  });
});

describe('sqlSourceSettings', () => {
  it('passes set values and leaves unset ones out', () => {
    const importDriver = async () => ({});
    expect(sqlSourceSettings({ password: 'pw', pageSize: 50, queryTimeoutMs: undefined, validateSchema: false, importDriver })).toEqual({ password: 'pw', pageSize: 50, validateSchema: false, importDriver });
    expect(Object.keys(sqlSourceSettings({}))).toEqual([]);
  });
});
