import { DomainError } from '../shared/domain-error';

export enum ClosureErrorCode {
  InvalidClosure = 'INVALID_CLOSURE',
  ClosureNotFound = 'CLOSURE_NOT_FOUND',
  ClosureStarted = 'CLOSURE_STARTED',
  ClosureExists = 'CLOSURE_EXISTS',
}

/** Messages in Swedish: only coordinators close sites. */
export class ClosureError extends DomainError<ClosureErrorCode> {
  static invalid(fields: Record<string, string>): ClosureError {
    return new ClosureError(ClosureErrorCode.InvalidClosure, 'Några uppgifter behöver rättas.', fields);
  }
  static notFound(): ClosureError {
    return new ClosureError(ClosureErrorCode.ClosureNotFound, 'Stängningen finns inte. Den kan redan vara hävd.');
  }
  static started(): ClosureError {
    return new ClosureError(
      ClosureErrorCode.ClosureStarted,
      'Stängningen har redan börjat och kan inte hävas. Lägg till en extra träff på platsen om ni ändå vill ha öppet.',
    );
  }
  static exists(): ClosureError {
    return new ClosureError(ClosureErrorCode.ClosureExists, 'Det finns redan en likadan stängning. Se listan nedanför.');
  }
}
