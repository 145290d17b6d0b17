import { describe, expect, it } from 'vitest';
import {
  BackendError,
  ConfigError,
  ConnectionError,
  CustcodeError,
  isCustcodeError,
  MalformedCodeError,
  MissingDriverError,
  NotAuthorizedError,
  ReadOnlyViolationError,
  SchemaMismatchError,
  UnsupportedQueryError,
} from './index.js';

const all = [
  [new ConfigError({ message: 'm' }), 'ConfigError', 'CONFIG_INVALID', 'config'],
  [new ConnectionError({ message: 'm', reason: 'unreachable' }), 'ConnectionError', 'CONNECTION_FAILED', 'connection'],
  [new MissingDriverError({ message: 'm', packageName: 'pg' }), 'MissingDriverError', 'DRIVER_MISSING', 'config'],
  [new UnsupportedQueryError({ message: 'm' }), 'UnsupportedQueryError', 'QUERY_UNSUPPORTED', 'usage'],
  [new MalformedCodeError({ message: 'm' }), 'MalformedCodeError', 'CODE_MALFORMED', 'usage'],
  [new ReadOnlyViolationError({ message: 'm' }), 'ReadOnlyViolationError', 'READ_ONLY_VIOLATION', 'usage'],
  [new NotAuthorizedError({ message: 'm' }), 'NotAuthorizedError', 'NOT_AUTHORIZED', 'access'],
  [new BackendError({ message: 'm', backendCode: 'ORA-00942' }), 'BackendError', 'BACKEND_ERROR', 'backend'],
  [new SchemaMismatchError({ message: 'm', missing: ['T'], available: ['U'] }), 'SchemaMismatchError', 'SCHEMA_MISMATCH', 'config'],
] as const;

describe('custcode errors', () => {
  it('have a stable name, code and category, and are Errors', () => {
    for (const [error, name, code, category] of all) {
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error.category).toBe(category);
      expect(error).toBeInstanceOf(Error);
      expect(CustcodeError.isInstance(error)).toBe(true);
      expect(isCustcodeError(error, code)).toBe(true);
      expect(String(error)).toBe(`${name}: m`);
    }
  });

  it('isCustcodeError checks the code when one is given', () => {
    expect(isCustcodeError(new ConfigError({ message: 'm' }), 'CODE_MALFORMED')).toBe(false);
    expect(isCustcodeError(new ConfigError({ message: 'm' }))).toBe(true);
  });

  it('recognises an error from a second copy of the package by its marker symbol', () => {
    // What a second installed copy of @custcode/core produces: another class, the same global symbol.
    class OtherCopyError extends Error {
      constructor(message: string) {
        super(message);
        (this as unknown as Record<symbol, unknown>)[Symbol.for('custcode.error')] = true;
      }
      readonly code = 'CONNECTION_FAILED';
      readonly category = 'connection';
      readonly reason = 'authentication';
    }
    const foreign = new OtherCopyError('Access denied');
    expect(foreign instanceof CustcodeError).toBe(false);
    expect(CustcodeError.isInstance(foreign)).toBe(true);
    expect(isCustcodeError(foreign, 'CONNECTION_FAILED')).toBe(true);
    expect(isCustcodeError({ [Symbol.for('custcode.error')]: true, code: 'X' }, 'X')).toBe(true);
  });

  it('rejects look-alikes without the marker, and non-objects', () => {
    for (const value of [new Error('x'), { code: 'CONFIG_INVALID' }, { [Symbol('custcode.error')]: true }, { [Symbol.for('custcode.error')]: 'yes' }, null, undefined, 'CONFIG_INVALID', 42]) {
      expect(CustcodeError.isInstance(value)).toBe(false);
    }
  });

  it('keeps cause and hint; toJSON has no stack and no cause', () => {
    const cause = new Error('ECONNREFUSED 127.0.0.1:1');
    const error = new ConnectionError({ message: 'Cannot reach the server.', hint: 'Check host and port.', cause, reason: 'unreachable' });
    expect(error.cause).toBe(cause);
    expect(error.hint).toBe('Check host and port.');
    expect(error.toJSON()).toEqual({
      name: 'ConnectionError',
      code: 'CONNECTION_FAILED',
      category: 'connection',
      message: 'Cannot reach the server.',
      hint: 'Check host and port.',
      retryable: true,
    });
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty('stack');
    expect(new ConfigError({ message: 'm' }).toJSON()).not.toHaveProperty('hint');
    expect(new ConfigError({ message: 'm' }).cause).toBeUndefined();
  });

  it('ConnectionError is retryable unless the credentials were refused (or said otherwise)', () => {
    expect(new ConnectionError({ message: 'm', reason: 'authentication' }).retryable).toBe(false);
    expect(new ConnectionError({ message: 'm', reason: 'timeout' }).retryable).toBe(true);
    expect(new ConnectionError({ message: 'm', reason: 'unreachable', retryable: false }).retryable).toBe(false);
    expect(new BackendError({ message: 'm' }).retryable).toBe(false);
  });

  it('carries the extra facts of each kind', () => {
    expect(new MissingDriverError({ message: 'm', packageName: 'oracledb' }).packageName).toBe('oracledb');
    expect(new BackendError({ message: 'm', backendCode: '42P01' }).backendCode).toBe('42P01');
    const mismatch = new SchemaMismatchError({ message: 'm', missing: ['cCusCode'], available: ['cCusCode2'] });
    expect([mismatch.missing, mismatch.available]).toEqual([['cCusCode'], ['cCusCode2']]);
  });
});
