/** Query or connection-string parameters that carry a secret: `password=`, `Pwd=`, `client_secret=`, `access_token=`… */
const SECRET_PARAMETER = /([?&;#][\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key)[\w.-]*=)([^&;#]*)/gi;

/** Where the userinfo of a URL starts: after `scheme://`, also a nested one (`jdbc:mysql://`). `sqlite:PATH` has none. */
const AUTHORITY_START = /^(?:[a-z][a-z0-9+.-]*:)+\/\//i;

type Span = readonly [from: number, to: number];

/**
 * Where a URL's secrets are: the password of its userinfo, which runs from the first `:` after the scheme to
 * the last `@` (so a password holding an unencoded `@`, `/`, `:` or `%` is taken whole), and the value of
 * each password-like parameter. Overlapping spans are merged: when the two readings disagree, more is hidden.
 */
function secretSpans(url: string): Span[] {
  const spans: Span[] = [];
  const start = AUTHORITY_START.exec(url)?.[0].length;
  const at = url.lastIndexOf('@');
  const colon = start === undefined ? -1 : url.indexOf(':', start);
  if (start !== undefined && at > start && colon !== -1 && colon < at) spans.push([colon + 1, at]);
  for (const match of url.matchAll(SECRET_PARAMETER)) {
    const from = match.index + match[1]!.length;
    if (match[2]) spans.push([from, from + match[2].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], span[1])];
    else merged.push(span);
  }
  return merged.filter(([from, to]) => to > from);
}

/** The secrets a URL carries (userinfo password, password-like parameters): a URL with any is refused in a config. */
export function urlSecrets(url: string): string[] {
  return secretSpans(url).map(([from, to]) => url.slice(from, to));
}

/** The URL with its password and password-like parameters replaced by `***`; user, host and database stay. */
export function redactUrl(url: string): string {
  let result = url;
  for (const [from, to] of secretSpans(url).reverse()) result = `${result.slice(0, from)}***${result.slice(to)}`;
  return result;
}

/**
 * A URL inside free text: a scheme with `//`, up to white space, a quote or an angle bracket. A password
 * holding one of those is only caught when it is also a known secret (see `redactSecrets`).
 */
const URL_IN_TEXT = /(?:[a-z][a-z0-9+.-]*:)+\/\/[^\s"'<>`]*/gi;

/** Every URL in a message, redacted with `redactUrl`. */
export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url));
}

/**
 * The one scrubber of messages: redacts every URL in `text` (`redactUrls`), then each known secret (also
 * percent-encoded, as in URLs). Secrets shorter than 3 characters are ignored.
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined> = []): string {
  let result = redactUrls(text);
  for (const secret of secrets) {
    if (!secret || secret.length < 3) continue;
    result = result.split(secret).join('***');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join('***');
  }
  return result;
}

/** `redactSecrets` over every string of a JSON-like value (an error body, an access-log entry). */
export function redactStrings<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, secrets)])) as T;
  }
  return value;
}
