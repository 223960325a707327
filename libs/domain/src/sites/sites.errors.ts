import { DomainError } from '../shared/domain-error';

export enum SiteErrorCode {
  SiteNotFound = 'SITE_NOT_FOUND',
  InvalidSite = 'INVALID_SITE',
}

export class SiteError extends DomainError<SiteErrorCode> {
  static notFound(slug: string): SiteError {
    return new SiteError(SiteErrorCode.SiteNotFound, `Det finns ingen plats som heter "${slug}".`);
  }

  static invalid(fields: Record<string, string>): SiteError {
    return new SiteError(SiteErrorCode.InvalidSite, 'Platsen behöver ändras innan den kan sparas.', fields);
  }

  /** The web address is taken (checked first; the unique index decides when two are saved at once). */
  static slugTaken(slug: string): SiteError {
    return SiteError.invalid({ slug: `Adressnamnet "${slug}" används redan av en annan plats. Välj ett annat.` });
  }
}
