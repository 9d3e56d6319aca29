/** PostgreSQL and network error codes that mean "the database is unreachable or restarting". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'P1001', // Prisma: can't reach database server
  'P1002', // Prisma: database server timed out
  'P1017', // Prisma: server closed the connection
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up or shutting down)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database/i,
  // pg, for a pooled connection the server dropped while the client held it.
  /Client has encountered a connection error and is not queryable/i,
];

/**
 * Whether `matches` holds for an error or any error in its cause chain. Prisma wraps a driver's
 * error as `meta.driverAdapterError` (e.g. "Database error. Code: `57P01`"), whose `cause`
 * carries the PostgreSQL code.
 */
function inCauseChain(error: unknown, matches: (fields: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const fields = error as Record<string, unknown>;
  if (matches(fields)) return true;
  const driverError = (fields['meta'] as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return inCauseChain(fields['cause'], matches, depth + 1) || inCauseChain(driverError, matches, depth + 1);
}

const hasCodeIn = (codes: Set<string>, { code, originalCode }: Record<string, unknown>) =>
  [code, originalCode].some((value) => typeof value === 'string' && codes.has(value));

/** True when an error (or any error in its cause chain) says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return inCauseChain(error, (fields) => {
    const { kind, message } = fields;
    if (hasCodeIn(UNAVAILABLE_CODES, fields)) return true;
    if (kind === 'DatabaseNotReachable' || kind === 'ConnectionClosed' || kind === 'SocketTimeout') return true;
    return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/** PostgreSQL's datetime_field_overflow (22008) and invalid_datetime_format (22007). */
const BAD_DATETIME_CODES = new Set(['22008', '22007']);

/**
 * True when an error (or any error in its cause chain) is PostgreSQL refusing a date or time
 * value, such as year 0: bad input that validation let through, so a 400 rather than a 500.
 */
export function isBadDateTimeInput(error: unknown): boolean {
  return inCauseChain(error, (fields) => hasCodeIn(BAD_DATETIME_CODES, fields));
}
