import { DomainError } from '../shared/domain-error';

export enum OcnErrorCode {
  InvalidModule = 'INVALID_MODULE',
  NotAllCriteriaMet = 'NOT_ALL_CRITERIA_MET',
  SameAssessorAndAssurer = 'SAME_ASSESSOR_AND_ASSURER',
  NotAssessed = 'NOT_ASSESSED',
  AlreadySignedOff = 'ALREADY_SIGNED_OFF',
}

export class OcnError extends DomainError<OcnErrorCode> {
  static invalid(fields: Record<string, string>): OcnError {
    return new OcnError(OcnErrorCode.InvalidModule, 'Några uppgifter om modulen behöver rättas.', fields);
  }
  static notAllMet(missing: string[]): OcnError {
    return new OcnError(OcnErrorCode.NotAllCriteriaMet, `Poäng kan bara ges när alla bedömningskriterier är uppfyllda. Inte uppfyllda än: ${missing.join(', ')}.`);
  }
  static sameAssessor(): OcnError {
    return new OcnError(OcnErrorCode.SameAssessorAndAssurer, 'Den som har bedömt kan inte kvalitetssäkra sin egen bedömning. Be en annan samordnare.');
  }
  static notAssessed(): OcnError {
    return new OcnError(OcnErrorCode.NotAssessed, 'Modulen är inte bedömd än. Bedömaren måste ta ställning till varje kriterium först.');
  }
  static alreadySignedOff(): OcnError {
    return new OcnError(OcnErrorCode.AlreadySignedOff, 'Bedömningen är redan kvalitetssäkrad och låst.');
  }
}
