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

const PATTERNS: Array<[RegExp, string]> = [
  // Authorization: Bearer <token>, Basic <credentials> (a word as long as a credential: "Basic plan" stays)
  [/\b(Bearer|Basic) +[\w.~+/=-]{8,}/g, `$1 ${REDACTED}`],
  // scheme://user:password@host (DATABASE_URL, SMTP_URL, ...), unless already masked as ****
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)(?!\*+@)[^@\s]+@/gi, `$1${REDACTED}@`],
  // ?access_token=... &token=... &password=... in URLs
  [/([?&](?:access_token|refresh_token|token|password)=)[^&\s]*/gi, `$1${REDACTED}`],
];

/** The text with credentials it may carry replaced by [redacted]. */
export function redactText(text: string): string {
  return PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
