import { expect, it } from '../vitest-api.js';
import { CustcodeError, isCustcodeError } from '../../errors/custcode-error.js';
import { CONFORMANCE_PASSWORD, type ConformanceOptions } from '../conformance-options.js';
import { rejectionOf } from '../expectations.js';

/** Every message along the cause chain, plus hint and JSON form, so a leaked password is found anywhere. */
function visibleText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    parts.push(String((current as Error).message ?? current), String((current as { hint?: unknown }).hint ?? ''));
    if (CustcodeError.isInstance(current)) parts.push(JSON.stringify(current.toJSON()));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

function expectNoPassword(error: unknown, label: string): void {
  expect(visibleText(error).includes(CONFORMANCE_PASSWORD), `${label}: the password must not appear in the error`).toBe(false);
}

type ErrorCase = keyof NonNullable<ConformanceOptions['errorCases']>;

const checks: Record<ErrorCase, { title: string; check(error: unknown): void }> = {
  badCredentials: {
    title: 'bad credentials reject with ConnectionError (reason authentication), without the password',
    check(error) {
      expect(isCustcodeError(error, 'CONNECTION_FAILED'), String(error)).toBe(true);
      expect((error as { reason?: string }).reason).toBe('authentication');
    },
  },
  unreachable: {
    title: 'an unreachable server rejects with ConnectionError (reason unreachable), without the password',
    check(error) {
      expect(isCustcodeError(error, 'CONNECTION_FAILED'), String(error)).toBe(true);
      expect((error as { reason?: string }).reason).toBe('unreachable');
    },
  },
  missingDriver: {
    title: 'a missing driver rejects with MissingDriverError naming the package',
    check(error) {
      expect(isCustcodeError(error, 'DRIVER_MISSING'), String(error)).toBe(true);
      expect(typeof (error as { packageName?: unknown }).packageName).toBe('string');
      expect((error as Error).message).toContain((error as { packageName: string }).packageName);
    },
  },
};

export function registerErrorCases(options: ConformanceOptions): void {
  const missing = [
    ...(Object.keys(checks) as ErrorCase[]).filter((key) => !options.errorCases?.[key]).map((key) => `errorCases.${key}`),
    ...(options.readOnly ? [] : ['readOnly']),
  ];
  if (missing.length > 0) console.warn(`[custcode conformance] ${options.name}: not given, so not run: ${missing.join(', ')}.`);
  for (const key of Object.keys(checks) as ErrorCase[]) {
    const attempt = options.errorCases?.[key];
    if (!attempt) continue;
    it(checks[key].title, async () => {
      const error = await rejectionOf(attempt);
      expect(error, `${key} must reject`).toBeDefined();
      checks[key].check(error);
      expectNoPassword(error, key);
    });
  }

  if (options.readOnly) {
    const attempt = options.readOnly;
    it('a write through the lowest layer is refused with READ_ONLY_VIOLATION', async () => {
      const error = await rejectionOf(attempt);
      expect(isCustcodeError(error, 'READ_ONLY_VIOLATION'), `expected ReadOnlyViolationError, got ${String(error)}`).toBe(true);
    });
  }
}
