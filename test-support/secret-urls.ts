import fc from 'fast-check';

/** A generated connection URL and the secrets that must never be shown. */
export interface SecretUrl {
  url: string;
  secrets: string[];
}

/**
 * A secret's visible pieces: runs of letters and digits that start with `Q` and are 5+ characters long, so
 * that finding one in a message means it leaked, not that the message happens to contain the same word.
 */
const piece = fc.stringMatching(/^Q[A-Z0-9]{4,8}$/);
/** What users put between those pieces, unencoded or percent-encoded. */
const glue = fc.constantFrom('/', '@', ':', '%40', '%2F', '%3A', '%25', '!', '#', '&', '=', ';', '+', '?', '$', ',', '(', ')', '*', '~', '');

/** A password such as `QAB12@/QXY9:QZZ77`: pieces joined by any of the characters that break naive redaction. */
export const passwordArbitrary = fc
  .tuple(piece, fc.array(fc.tuple(glue, piece), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([separator, next]) => separator + next).join(''));

/** Pieces of a secret long enough to identify it in output (the `Q…` runs). */
export function secretPieces(secret: string): string[] {
  return secret.match(/Q[A-Z0-9]{4,}/g) ?? [];
}

const scheme = fc.constantFrom('mysql', 'mariadb', 'postgres', 'postgresql', 'mssql', 'oracle', 'mariadbx', 'jdbc:mysql', 'db2', 'x-erp+tcp', 'https');
const parameterName = fc.constantFrom('password', 'PWD', 'passwd', 'secret', 'Token', 'client_secret', 'access_token', 'apiKey');

/**
 * URLs carrying secrets in the userinfo (`user:PASSWORD@host`), in a password-like parameter
 * (`?password=…`, `;Pwd=…`) or both, under known and unknown schemes.
 */
export const secretUrlArbitrary: fc.Arbitrary<SecretUrl> = fc
  .record({
    scheme,
    user: fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/),
    password: fc.option(passwordArbitrary, { nil: undefined }),
    host: fc.constantFrom('127.0.0.1', 'db.example.internal', '[::1]', '10.0.0.5'),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    database: fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/),
    parameter: fc.option(fc.tuple(fc.constantFrom('?', ';', '?sslmode=require&'), parameterName, passwordArbitrary.filter((value) => !/[&;#]/.test(value))), { nil: undefined }),
  })
  .filter((parts) => parts.password !== undefined || parts.parameter !== undefined)
  .map(({ scheme, user, password, host, port, database, parameter }) => {
    const userinfo = password === undefined ? `${user}@` : `${user}:${password}@`;
    const query = parameter === undefined ? '' : `${parameter[0]}${parameter[1]}=${parameter[2]}`;
    return {
      url: `${scheme}://${userinfo}${host}${port === undefined ? '' : `:${port}`}/${database}${query}`,
      secrets: [...(password === undefined ? [] : [password]), ...(parameter === undefined ? [] : [parameter[2]])],
    };
  });

/** The secret pieces of a generated URL found in `text` (an empty list when nothing leaked). */
export function leakedPieces(text: string, url: SecretUrl): string[] {
  return url.secrets.flatMap(secretPieces).filter((secretPiece) => text.includes(secretPiece));
}
