import { AuthSessionEntity } from '../modules/auth/auth-session.entity';
import { PasswordResetEntity } from '../modules/accounts/password-reset.entity';
import { InvitationEntity } from '../modules/auth/invitation.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { SignInThrottleEntity } from '../modules/auth/sign-in-throttle.entity';
import { RateLimitEntity } from '../modules/limits/rate-limit.entity';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { BookingEntity } from '../modules/bookings/booking.entity';
import { EquipmentIssueEntity } from '../modules/desk/equipment-issue.entity';
import { HoursEntryEntity } from '../modules/desk/hours-entry.entity';
import { SessionReportEntity } from '../modules/desk/session-report.entity';
import { OrganisationEntity } from '../modules/hours/organisation.entity';
import { AssessmentDecisionEntity, AssessmentEntity, EvidenceEntity, OcnCriterionEntity, OcnModuleEntity, OcnOutcomeEntity } from '../modules/ocn/ocn.entities';
import { VisitCategoryEntity } from '../modules/visits/visit-category.entity';
import { VisitEntity } from '../modules/visits/visit.entity';
import { PartnerEntity, ReferralCodeEntity, ReferralOpenEntity } from '../modules/partners/partner.entities';
import { ShiftEntity } from '../modules/helpers/shift.entity';
import { ScheduleEntity } from '../modules/schedule/schedule.entity';
import { SessionEntity } from '../modules/schedule/session.entity';
import { SlotEntity } from '../modules/schedule/slot.entity';
import { SiteEntity } from '../modules/sites/site.entity';
import { ClosureEntity, SiteOpenedDateEntity } from '../modules/closures/closure.entities';
import { HelperNoticeEntity, HelperNoticeOptOutEntity, OpenShiftsDigestEntity } from '../modules/helper-notices/helper-notice.entities';
import { PrivacyProofEntity } from '../modules/privacy/privacy-proof.entity';

/** Every entity, listed once: the Nest module and the migration tooling share this list. */
export const entities = [
  SiteEntity, UserEntity, AuthSessionEntity, InvitationEntity, SignInThrottleEntity, ScheduleEntity, SessionEntity, SlotEntity, ShiftEntity, BookingEntity,
  VisitEntity, VisitCategoryEntity, HoursEntryEntity, SessionReportEntity, EquipmentIssueEntity, AuditLogEntity,
  OrganisationEntity, OcnModuleEntity, OcnOutcomeEntity, OcnCriterionEntity, EvidenceEntity, AssessmentEntity, AssessmentDecisionEntity,
  PartnerEntity, ReferralCodeEntity, ReferralOpenEntity,
  PasswordResetEntity,
  HelperNoticeEntity, HelperNoticeOptOutEntity, OpenShiftsDigestEntity,
  ClosureEntity, SiteOpenedDateEntity,
  PrivacyProofEntity,
  RateLimitEntity,
];
