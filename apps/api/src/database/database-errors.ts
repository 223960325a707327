// SQLSTATE classes and codes that mean "the server is not there (right now)", not "the query is wrong":
// 08 connection exception, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
// (starting up or shutting down), 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// Node socket errors on the way to the server.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

// node-postgres and pg-pool raise these as plain Errors without a code.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i, // "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

// TypeORM releases a transaction's query runner when its connection breaks (the pg client's 'error'
// event); the transaction's next statement (or its COMMIT, which then was never sent) fails with
// one of these, not with the driver's error.
const UNAVAILABLE_ERROR_NAMES = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

interface MaybeDriverError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * True when an error (as thrown by pg, pg-pool or TypeORM, which wraps the driver's error in
 * `driverError`) says the database cannot be reached, as opposed to a bad query or a broken rule.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as MaybeDriverError;
  if (typeof e.name === 'string' && UNAVAILABLE_ERROR_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || e.code.startsWith('08') || UNAVAILABLE_SOCKET_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e.message as string))) return true;
  // AggregateError (e.g. ECONNREFUSED on both ::1 and 127.0.0.1) has the reasons in `errors`.
  const nested = [e.driverError, e.cause, ...(Array.isArray((error as { errors?: unknown }).errors) ? (error as { errors: unknown[] }).errors : [])];
  return nested.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

export const DATABASE_UNAVAILABLE = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'The service cannot reach its database right now. Please try again in a few minutes.',
} as const;
