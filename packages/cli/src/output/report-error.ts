import { CustcodeError } from '@custcode/core';
import { redactStrings } from '@custcode/core/adapter';
import { type CommandIo, EXIT_CODES } from '../command-io.js';
import { humanLine } from './terminal-text.js';

/** The exit code for an error: by category, with an invalid code counted as "not found / invalid". */
export function exitCodeOf(error: unknown): number {
  if (!CustcodeError.isInstance(error)) return EXIT_CODES.backend;
  if (error.code === 'CODE_MALFORMED') return EXIT_CODES.notFound;
  switch (error.category) {
    case 'usage':
    case 'config':
      return EXIT_CODES.usage;
    case 'not-found':
      return EXIT_CODES.notFound;
    case 'access':
      return EXIT_CODES.denied;
    default:
      return EXIT_CODES.backend;
  }
}

/** The error as JSON output shows it, every URL and secret redacted; anything else than a CustcodeError becomes an INTERNAL entry. */
export function errorJson(error: unknown, secrets: readonly string[] = []): Record<string, unknown> {
  const plain = CustcodeError.isInstance(error)
    ? error.toJSON()
    : { name: 'Error', code: 'INTERNAL', category: 'backend', message: messageOf(error), retryable: false };
  return redactStrings(plain as Record<string, unknown>, secrets);
}

/**
 * Prints an error the way every command does — `error:` and `hint:` lines on stderr, or
 * `{"error": {...}}` on stdout with --json — and returns its exit code. Never a stack trace, never a
 * secret, never a raw control character (a message may quote a code or a name).
 */
export function reportError(io: CommandIo, error: unknown, options: { json?: boolean; secrets?: readonly string[] } = {}): number {
  const secrets = options.secrets ?? [];
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ error: errorJson(error, secrets) })}\n`);
  } else {
    io.stderr.write(`error: ${humanLine(messageOf(error), secrets)}\n`);
    const hint = CustcodeError.isInstance(error) ? error.hint : undefined;
    if (hint) io.stderr.write(`hint: ${humanLine(hint, secrets)}\n`);
  }
  return exitCodeOf(error);
}

/** A custcode message whole (a quoted value may hold a line break, shown escaped); of anything else, the first line. */
function messageOf(error: unknown): string {
  if (CustcodeError.isInstance(error)) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
