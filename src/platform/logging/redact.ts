/**
 * What never reaches a log line. Structured fields are censored by path (pino's redaction);
 * free text by pattern: bearer tokens, passwords in connection strings, tokens in query strings.
 */
export const REDACTED = '[redacted]';

/** Field paths censored in JSON logs, wherever a caller passes such an object. */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'access_token',
  'refresh_token',
  'secret',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.secret',
  '*.*.password',
  '*.*.token',
];

/** The key a redacted path ends in: `password` for `*.*.password`, `set-cookie` for `res.headers["set-cookie"]`. */
const lastKey = (path: string) => /(?:\["([^"]+)"\]|([^.[\]]+))$/.exec(path)!.slice(1).find(Boolean)!;

/** How many keys deep a redacted path reaches: 3 for `req.headers.authorization`. */
const depthOf = (path: string) => path.split(/\.|\[/).length;

const SECRET_KEYS = new Set(REDACTED_PATHS.map(lastKey));
const DEEPEST_PATH = Math.max(...REDACTED_PATHS.map(depthOf));

/**
 * Whether pino's redaction could censor anything in `fields`: some key within the depth of
 * REDACTED_PATHS names a secret, or a value there is not a plain object, array or scalar (an
 * Error, a class instance: not walked, so assumed to hold one). When false, redaction would
 * change nothing and can be skipped; a request log line's fields are all scalars.
 */
export function mayHoldRedactedField(fields: object, depth = DEEPEST_PATH): boolean {
  for (const key in fields) {
    if (SECRET_KEYS.has(key)) return true;
    const value = (fields as Record<string, unknown>)[key];
    if (typeof value !== 'object' || value === null || depth <= 1) continue;
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null && !Array.isArray(value)) return true;
    if (mayHoldRedactedField(value, depth - 1)) return true;
  }
  return false;
}

/**
 * Query parameters whose values are credentials: OAuth's authorization code and state (Spotify's
 * callback), tokens, API keys and passwords. Redacted wherever a URL is logged, so a job filter
 * such as ?state=failed is censored too: a small loss next to a leaked code.
 */
const SECRET_QUERY_PARAMETERS = [
  'code',
  'state',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'key',
  'api_key',
  'client_secret',
  'secret',
  'password',
];

const SECRET_QUERY_VALUE = new RegExp(`([?&](?:${SECRET_QUERY_PARAMETERS.join('|')})=)[^&#\\s]*`, 'gi');

const PATTERNS: Array<[RegExp, string]> = [
  // Authorization: Bearer <token>, Basic <credentials> (a word as long as a credential: "Basic plan" stays)
  [/\b(Bearer|Basic) +[\w.~+/=-]{8,}/g, `$1 ${REDACTED}`],
  // scheme://user:password@host (DATABASE_URL, SMTP_URL, ...), unless already masked as ****
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)(?!\*+@)[^@\s]+@/gi, `$1${REDACTED}@`],
  // ?code=... &state=... &access_token=... in URLs
  [SECRET_QUERY_VALUE, `$1${REDACTED}`],
];

/** A URL (or path with its query) with the values of SECRET_QUERY_PARAMETERS replaced by [redacted]. (No "=", nothing to replace: most request lines skip the regular expression.) */
export const redactUrl = (url: string) => (url.includes('=') ? url.replace(SECRET_QUERY_VALUE, `$1${REDACTED}`) : url);

/** The text with credentials it may carry replaced by [redacted]. */
export function redactText(text: string): string {
  return PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
