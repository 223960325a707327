import { DomainError } from '../shared/domain-error';

export enum OcnErrorCode {
  InvalidModule = 'INVALID_MODULE',
  NotAllCriteriaMet = 'NOT_ALL_CRITERIA_MET',
  SameAssessorAndAssurer = 'SAME_ASSESSOR_AND_ASSURER',
  NotAssessed = 'NOT_ASSESSED',
  AlreadySignedOff = 'ALREADY_SIGNED_OFF',
  ModuleNotFound = 'MODULE_NOT_FOUND',
  CriterionInUse = 'CRITERION_IN_USE',
  ModuleSignedOff = 'MODULE_SIGNED_OFF',
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
  static moduleNotFound(): OcnError {
    return new OcnError(OcnErrorCode.ModuleNotFound, 'Modulen finns inte.');
  }
  static moduleSignedOff(): OcnError {
    return new OcnError(OcnErrorCode.ModuleSignedOff, 'Modulen har kvalitetssäkrade bedömningar: kriterier kan formuleras om men inte läggas till eller tas bort. Skapa en ny modul i stället.');
  }
  static criterionInUse(): OcnError {
    return new OcnError(OcnErrorCode.CriterionInUse, 'Ett kriterium som har bevis eller en bedömning kan inte tas bort. Ändra texten i stället.');
  }
}
