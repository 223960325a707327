import { DomainError } from '../shared/domain-error';

export enum InsightsErrorCode {
  InvalidRange = 'INVALID_RANGE',
  UnknownSite = 'UNKNOWN_SITE',
  UnknownChart = 'UNKNOWN_CHART',
}

export class InsightsError extends DomainError<InsightsErrorCode> {
  /** Messages in English: the open statistics are read by programs and the city's web team. */
  static invalidRange(fields: Record<string, string>, message = 'The date range is not valid.'): InsightsError {
    return new InsightsError(InsightsErrorCode.InvalidRange, message, fields);
  }
  static unknownChart(): InsightsError {
    return new InsightsError(InsightsErrorCode.UnknownChart, 'Det diagrammet finns inte.');
  }
  /** The open statistics were asked for a site that does not exist (English, like the other open-statistics messages). */
  static unknownPublicSite(): InsightsError {
    return new InsightsError(InsightsErrorCode.UnknownSite, 'A site in `site` does not exist.', { site: 'Give site slugs separated by commas, as in /api/public/sites (at most 100).' });
  }
  /** A staff page asked for a site that does not exist (Swedish: staff pages). */
  static unknownSite(): InsightsError {
    return new InsightsError(InsightsErrorCode.UnknownSite, 'Någon av de valda platserna finns inte.', { sites: 'Någon av de valda platserna finns inte. Välj platser i listan.' });
  }
}
