/**
 * Removes the password (and any `password=` style query parameter) from a connection URL. The password
 * runs to the last `@`, so an unencoded `@` or `/` in it does not leak its tail.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)([^:@/]*):(.*)@(?=[^@]*$)/i, '$1$2:***@')
    .replace(/([?&;](?:password|pwd|passwd|secret|token)=)[^&;]*/gi, '$1***');
}

/** Replaces every occurrence of each secret in `text` (also percent-encoded, as in URLs) with `***`. Secrets shorter than 3 characters are ignored. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 3) continue;
    result = result.split(secret).join('***');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join('***');
  }
  return result;
}
