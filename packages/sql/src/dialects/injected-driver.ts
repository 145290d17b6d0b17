import { MissingDriverError } from '@custcode/core';

/**
 * Loads a driver through an injected importer (tests, bundlers). Unlike core's importOptional it
 * caches nothing, so an injected failure is seen even when the real package was loaded before.
 */
export async function injectedDriver<T>(packageName: string, importer: () => Promise<unknown>, purpose: string): Promise<T> {
  let module: unknown;
  try {
    module = await importer();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const notInstalled = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    throw new MissingDriverError({
      packageName,
      message: `${purpose} needs the optional package "${packageName}", which ${notInstalled ? 'is not installed' : 'failed to load'}.`,
      hint: notInstalled ? `Install it next to custcode: npm install ${packageName}` : `Reinstall "${packageName}" for this Node version, or pass an already-created client instead.`,
      cause: error,
    });
  }
  const candidate = module as { default?: unknown } | undefined;
  return (candidate && typeof candidate === 'object' && candidate.default && Object.keys(candidate).length <= 2 ? candidate.default : module) as T;
}
