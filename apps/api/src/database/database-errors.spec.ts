import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors';

/** The shapes seen in the fault tests (apps/api/test/faults.api-spec.ts), and a few that must stay 500 or 4xx. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe(isDatabaseUnavailable.name, () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection refused on every address (AggregateError)', new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], '')],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['admin shutdown (57P01) inside a TypeORM query error', new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'))],
    ['shutting down (57P03)', pgError('57P03', 'the database system is shutting down')],
    ['starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception class 08', pgError('08006', 'connection failure')],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a transaction whose connection broke', Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' })],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value violates unique constraint'))],
    ['a check violation', new QueryFailedError('UPDATE', [], pgError('23514', 'new row violates check constraint "slot_capacity"'))],
    ['a syntax error', new QueryFailedError('SELEC 1', [], pgError('42601', 'syntax error at or near "SELEC"'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'ECONNREFUSED'],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
