import { accountStatus, hasOpenInvitation, toLocalIso, type AccountListed, type ShiftNeedingPeople } from '@digihjalpen/domain';
import type { AccountRow, RemovedShiftRow } from './accounts.repository';

export function mapAccount(a: AccountRow, now: Date): AccountListed {
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    role: a.role,
    status: accountStatus(a, now),
    belongsTo: a.belongsTo,
    invitationExpiresAt: a.active && hasOpenInvitation(a, now) && a.invitation ? a.invitation.expiresAt.toISOString() : null,
    deactivatedAt: a.deactivatedAt?.toISOString() ?? null,
  };
}

export function mapShift(s: RemovedShiftRow): ShiftNeedingPeople & { status: RemovedShiftRow['status'] } {
  return {
    sessionId: s.sessionId,
    siteId: s.siteId,
    siteName: s.siteName,
    timeZone: s.timeZone,
    start: toLocalIso(s.start, s.timeZone),
    end: toLocalIso(s.end, s.timeZone),
    status: s.status,
    helpers: s.helpers,
    helpersNeeded: s.helpersNeeded,
  };
}
