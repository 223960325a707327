import { DomainError } from '../shared/domain-error';

export enum InsightsErrorCode {
  InvalidRange = 'INVALID_RANGE',
}

export class InsightsError extends DomainError<InsightsErrorCode> {
  /** Messages in English: the open statistics are read by programs and the city's web team. */
  static invalidRange(fields: Record<string, string>): InsightsError {
    return new InsightsError(InsightsErrorCode.InvalidRange, 'The date range is not valid.', fields);
  }
}
