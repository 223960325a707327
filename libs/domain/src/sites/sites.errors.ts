import { DomainError } from '../shared/domain-error';

export enum SiteErrorCode {
  SiteNotFound = 'SITE_NOT_FOUND',
  InvalidSite = 'INVALID_SITE',
}

export class SiteError extends DomainError<SiteErrorCode> {
  static notFound(slug: string): SiteError {
    return new SiteError(SiteErrorCode.SiteNotFound, `No site is called "${slug}".`);
  }

  static invalid(fields: Record<string, string>): SiteError {
    return new SiteError(SiteErrorCode.InvalidSite, 'The site has fields that need fixing.', fields);
  }
}
