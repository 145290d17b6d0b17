/**
 * Inputs for the conformance suite's error cases and read-only check, shared by the SQL adapters'
 * tests so each one provokes the failures the same way.
 */
import { isCustcodeError, type CustcodeError } from '@custcode/core';
import { createExecutor } from '@custcode/sql';
import { BACKEND_URL_ENV, type TestBackend } from './backends.js';

/** An `importDriver` that fails as Node does when the package is not installed. */
export function missingModule(packageName = 'x'): () => Promise<never> {
  return () => Promise.reject(Object.assign(new Error(`Cannot find package '${packageName}'`), { code: 'ERR_MODULE_NOT_FOUND' }));
}

/** The same server with a user that does not exist, or undefined for SQLite (no credentials) and unavailable backends. */
export function badUserUrl(backend: TestBackend): string | undefined {
  if (backend.name === 'sqlite' || backend.unavailable) return undefined;
  const url = new URL(process.env[BACKEND_URL_ENV[backend.name]]!);
  url.username = 'custcode_no_such_user';
  return url.toString();
}

/** Sends a write through custcode's executor (which must refuse it), closing the executor either way. */
export async function attemptWrite(url: string, statement: string): Promise<unknown> {
  const executor = createExecutor(url);
  try {
    return await executor.query(statement);
  } finally {
    await executor.close();
  }
}

/** What `action` throws synchronously (factories validate options before returning), or undefined. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The typed custcode error `action` rejects with; any other outcome fails the test. */
export async function custcodeFailure(action: () => Promise<unknown>): Promise<CustcodeError & { reason?: string; backendCode?: string }> {
  try {
    await action();
  } catch (error) {
    if (isCustcodeError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
