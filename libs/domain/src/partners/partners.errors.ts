import { DomainError } from '../shared/domain-error';

export enum PartnerErrorCode {
  InvalidPartner = 'INVALID_PARTNER',
  PartnerNotFound = 'PARTNER_NOT_FOUND',
  PartnerTaken = 'PARTNER_TAKEN',
  InvalidReferralCode = 'INVALID_REFERRAL_CODE',
  ReferralCodeNotFound = 'REFERRAL_CODE_NOT_FOUND',
  OtherPartner = 'OTHER_PARTNER',
  OtherSite = 'OTHER_SITE',
}

/** Messages in Swedish: partners and staff use Swedish pages. */
export class PartnerError extends DomainError<PartnerErrorCode> {
  static invalid(fields: Record<string, string>): PartnerError {
    return new PartnerError(PartnerErrorCode.InvalidPartner, 'Några uppgifter behöver rättas.', fields);
  }
  static notFound(): PartnerError {
    return new PartnerError(PartnerErrorCode.PartnerNotFound, 'Partnern finns inte.');
  }
  static taken(): PartnerError {
    return new PartnerError(PartnerErrorCode.PartnerTaken, 'Det finns redan en partner med det namnet.', { name: 'Det finns redan en partner med det namnet.' });
  }
  static invalidCode(fields: Record<string, string>): PartnerError {
    return new PartnerError(PartnerErrorCode.InvalidReferralCode, 'Några uppgifter om hänvisningskoden behöver rättas.', fields);
  }
  static codeNotFound(): PartnerError {
    return new PartnerError(PartnerErrorCode.ReferralCodeNotFound, 'Hänvisningskoden finns inte.');
  }
  /** A partner asked for another partner's codes or figures. */
  static otherPartner(): PartnerError {
    return new PartnerError(PartnerErrorCode.OtherPartner, 'Du kan bara se din egen organisations hänvisningar och siffror.');
  }
  /** Library staff tried to book at a site that is not theirs. */
  static otherSite(): PartnerError {
    return new PartnerError(PartnerErrorCode.OtherSite, 'Du kan bara boka på ditt eget bibliotek.');
  }
}
