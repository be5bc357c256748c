const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
  '55P03', // lock_not_available: lock_timeout / NOWAIT; retrying later can succeed
  '57014', // query_canceled: statement_timeout; the database is too busy or something holds it
  'QUERY_DEADLINE', // ours (QueryDeadlineError): the server did not answer at all
]);

// pg and pg-pool report these as plain Errors without a code.
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /^Client was closed and is not queryable/,
];

/**
 * True when `error` means "the database cannot serve us right now" (down, restarting, saturated,
 * lock timeout), so a request should get 503 with Retry-After rather than 500. Follows `cause`
 * chains and the members of an AggregateError (Node reports a refused dual-stack connect that way).
 *
 * @example if (isDatabaseUnavailable(err)) return c.json(..., 503, { 'Retry-After': '5' })
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return check(error, 0);
}

function check(error: unknown, depth: number): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SQLSTATES.has(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => check(inner, depth + 1))) return true;
  return check(cause, depth + 1);
}
