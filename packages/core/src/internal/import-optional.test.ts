import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '../errors/custcode-error.js';
import type { MissingDriverError } from '../errors/missing-driver-error.js';
import { importOptional, isModuleNotFound } from './import-optional.js';

const rejection = async (action: () => Promise<unknown>) => action().then(() => undefined, (error: unknown) => error);
const notFound = () => Object.assign(new Error("Cannot find package 'fake-driver-a'"), { code: 'ERR_MODULE_NOT_FOUND' });

describe('importOptional', () => {
  it('names the package to install when it is missing, keeping the cause', async () => {
    const cause = notFound();
    const error = (await rejection(() => importOptional('fake-driver-a', () => Promise.reject(cause), 'Reading a test database'))) as MissingDriverError;
    expect(isCustcodeError(error, 'DRIVER_MISSING')).toBe(true);
    expect(error.packageName).toBe('fake-driver-a');
    expect(error.message).toContain('"fake-driver-a"');
    expect(error.message).toContain('Reading a test database');
    expect(error.hint).toBe('Install it next to custcode: npm install fake-driver-a');
    expect(error.cause).toBe(cause);
  });

  it('says so when the package is installed but fails to load', async () => {
    const error = (await rejection(() =>
      importOptional('fake-driver-b', () => Promise.reject(new Error('NODE_MODULE_VERSION 108 mismatch\nstack…')), 'Reading'),
    )) as MissingDriverError;
    expect(isCustcodeError(error, 'DRIVER_MISSING')).toBe(true);
    expect(error.message).toContain('installed but failed to load: NODE_MODULE_VERSION 108 mismatch');
    expect(error.message).not.toContain('stack…');
  });

  it('retries after a failure and caches a success', async () => {
    let attempts = 0;
    const importer = async () => {
      attempts++;
      if (attempts === 1) throw notFound();
      return { connect: () => 'ok', other: 1, third: 2 };
    };
    await rejection(() => importOptional('fake-driver-c', importer, 'Reading'));
    const module = await importOptional('fake-driver-c', importer, 'Reading');
    expect(module.connect()).toBe('ok');
    await importOptional('fake-driver-c', importer, 'Reading');
    expect(attempts).toBe(2);
  });

  it('uses an injected importer instead, caching nothing: an injected failure is seen after the real package loaded', async () => {
    const real = { connect: () => 'real', other: 1, third: 2 };
    expect(await importOptional('fake-driver-f', async () => real, 'Reading')).toBe(real);
    const injected = { connect: () => 'injected', other: 1, third: 2 };
    expect(await importOptional('fake-driver-f', async () => real, 'Reading', { injected: async () => injected })).toBe(injected);
    const cause = notFound();
    const error = (await rejection(() => importOptional('fake-driver-f', async () => real, 'Reading a test database', { injected: () => Promise.reject(cause) }))) as MissingDriverError;
    expect(isCustcodeError(error, 'DRIVER_MISSING')).toBe(true);
    expect(error.packageName).toBe('fake-driver-f');
    expect(error.hint).toBe('Install it next to custcode: npm install fake-driver-f');
    expect(error.cause).toBe(cause);
    expect(await importOptional('fake-driver-f', async () => ({}), 'Reading')).toBe(real);
    expect(await importOptional('fake-driver-g', async () => real, 'Reading', { injected: async () => ({ default: injected }) })).toBe(injected);
  });

  it('unwraps the default export of a CommonJS module', async () => {
    const driver = { createPool: () => 'pool' };
    expect(await importOptional('fake-driver-d', async () => ({ default: driver }), 'Reading')).toBe(driver);
    const namespace = { default: driver, createPool: driver.createPool, other: 1, more: 2 };
    expect(await importOptional('fake-driver-e', async () => namespace, 'Reading')).toBe(namespace);
  });
});

describe('isModuleNotFound', () => {
  it('knows Node codes and code-less bundler messages; anything else is a package that failed to load', () => {
    expect(isModuleNotFound(notFound())).toBe(true);
    expect(isModuleNotFound(Object.assign(new Error('x'), { code: 'MODULE_NOT_FOUND' }))).toBe(true);
    expect(isModuleNotFound(new Error('Could not resolve "node-rfc"'))).toBe(true);
    expect(isModuleNotFound(Object.assign(new Error('Cannot find module sapnwrfc'), { code: 'ERR_DLOPEN_FAILED' }))).toBe(false);
    expect(isModuleNotFound(undefined)).toBe(false);
  });
});
