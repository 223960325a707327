import { AccountErrorCode } from './accounts.errors';
import {
  accountStatus,
  assertCanDeactivate,
  assertCanReactivate,
  assertCanResendInvitation,
  assertCanRevokeInvitation,
  assertCanSendPasswordReset,
  assertResetLinkUsable,
  hasOpenInvitation,
  matchesAccountStatus,
  RESET_LINK_MINUTES,
  resetLinkExpiry,
  shiftsNeedingPeople,
  type AccountState,
} from './accounts.rules';

const now = new Date('2026-11-23T12:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

let sequence = 0;
function anAccount(overrides: Partial<AccountState> = {}): AccountState {
  sequence += 1;
  return { id: `user-${sequence}`, role: 'helper', active: true, hasPassword: true, invitation: null, ...overrides };
}
const invitation = (overrides: Partial<NonNullable<AccountState['invitation']>> = {}) => ({ expiresAt: later(60 * 24), usedAt: null, revokedAt: null, ...overrides });

const code = (work: () => void): string | undefined => {
  try {
    work();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('accountStatus', () => {
  it('is active when the person has chosen a password', () => {
    expect(accountStatus(anAccount({ invitation: invitation({ usedAt: later(-60) }) }), now)).toBe('active');
  });
  it('is invited while the link still works', () => {
    expect(accountStatus(anAccount({ hasPassword: false, invitation: invitation() }), now)).toBe('invited');
  });
  it('is invitation-expired when the link has run out', () => {
    expect(accountStatus(anAccount({ hasPassword: false, invitation: invitation({ expiresAt: now }) }), now)).toBe('invitation-expired');
  });
  it('is invitation-revoked when a coordinator took the link back', () => {
    expect(accountStatus(anAccount({ hasPassword: false, invitation: invitation({ revokedAt: later(-1) }) }), now)).toBe('invitation-revoked');
  });
  it('is deactivated whatever else holds, when the account is turned off', () => {
    expect(accountStatus(anAccount({ active: false }), now)).toBe('deactivated');
    expect(accountStatus(anAccount({ active: false, hasPassword: false, invitation: invitation() }), now)).toBe('deactivated');
  });
});

describe('matchesAccountStatus', () => {
  it('counts every account without a password as invited', () => {
    expect(matchesAccountStatus('invitation-expired', 'invited')).toBe(true);
    expect(matchesAccountStatus('invitation-revoked', 'invited')).toBe(true);
    expect(matchesAccountStatus('invited', 'invited')).toBe(true);
    expect(matchesAccountStatus('active', 'invited')).toBe(false);
    expect(matchesAccountStatus('deactivated', 'active')).toBe(false);
    expect(matchesAccountStatus('deactivated', undefined)).toBe(true);
  });
});

describe('assertCanDeactivate', () => {
  it('lets a coordinator turn off a helper', () => {
    expect(() => assertCanDeactivate('coordinator-1', anAccount(), 1)).not.toThrow();
  });
  it('refuses when the coordinator is turning off their own account', () => {
    const self = anAccount({ role: 'coordinator' });
    expect(code(() => assertCanDeactivate(self.id, self, 5))).toBe(AccountErrorCode.CannotDeactivateSelf);
  });
  it('refuses when it is the last active coordinator', () => {
    expect(code(() => assertCanDeactivate('someone-else', anAccount({ role: 'coordinator' }), 1))).toBe(AccountErrorCode.LastCoordinator);
  });
  it('allows a coordinator when another active coordinator is left', () => {
    expect(() => assertCanDeactivate('someone-else', anAccount({ role: 'coordinator' }), 2)).not.toThrow();
  });
  it('allows an invited coordinator who never chose a password, even with one active coordinator', () => {
    expect(() => assertCanDeactivate('someone-else', anAccount({ role: 'coordinator', hasPassword: false, invitation: invitation() }), 1)).not.toThrow();
  });
  it('refuses when the account is already turned off', () => {
    expect(code(() => assertCanDeactivate('someone-else', anAccount({ active: false }), 3))).toBe(AccountErrorCode.AccountNotActive);
  });
});

describe('assertCanReactivate', () => {
  it('lets a turned-off account be opened again', () => expect(() => assertCanReactivate(anAccount({ active: false }))).not.toThrow());
  it('refuses when the account is already open', () => expect(code(() => assertCanReactivate(anAccount()))).toBe(AccountErrorCode.AccountAlreadyActive));
});

describe('invitations', () => {
  it('has an open invitation only while it is unused, unrevoked and not run out', () => {
    expect(hasOpenInvitation(anAccount({ hasPassword: false, invitation: invitation() }), now)).toBe(true);
    expect(hasOpenInvitation(anAccount({ hasPassword: false, invitation: invitation({ expiresAt: now }) }), now)).toBe(false);
    expect(hasOpenInvitation(anAccount({ hasPassword: false, invitation: invitation({ revokedAt: now }) }), now)).toBe(false);
    expect(hasOpenInvitation(anAccount({ hasPassword: false, invitation: null }), now)).toBe(false);
  });
  it('resends to a person who has not chosen a password, also after the link ran out or was revoked', () => {
    expect(() => assertCanResendInvitation(anAccount({ hasPassword: false, invitation: invitation() }))).not.toThrow();
    expect(() => assertCanResendInvitation(anAccount({ hasPassword: false, invitation: invitation({ revokedAt: now }) }))).not.toThrow();
  });
  it('refuses to resend when the person already has a password (a reset link is the way)', () => {
    expect(code(() => assertCanResendInvitation(anAccount()))).toBe(AccountErrorCode.NotInvited);
  });
  it('refuses to resend to a turned-off account', () => {
    expect(code(() => assertCanResendInvitation(anAccount({ active: false, hasPassword: false })))).toBe(AccountErrorCode.AccountNotActive);
  });
  it('revokes only an open invitation', () => {
    expect(() => assertCanRevokeInvitation(anAccount({ hasPassword: false, invitation: invitation() }), now)).not.toThrow();
    expect(code(() => assertCanRevokeInvitation(anAccount({ hasPassword: false, invitation: invitation({ revokedAt: now }) }), now))).toBe(AccountErrorCode.NoOpenInvitation);
    expect(code(() => assertCanRevokeInvitation(anAccount({ invitation: invitation({ usedAt: now }) }), now))).toBe(AccountErrorCode.NoOpenInvitation);
  });
});

describe('password reset links', () => {
  it('are sent only to an open account with a password', () => {
    expect(() => assertCanSendPasswordReset(anAccount())).not.toThrow();
    expect(code(() => assertCanSendPasswordReset(anAccount({ hasPassword: false })))).toBe(AccountErrorCode.NoPasswordYet);
    expect(code(() => assertCanSendPasswordReset(anAccount({ active: false })))).toBe(AccountErrorCode.AccountNotActive);
  });
  it('last one hour', () => {
    expect(RESET_LINK_MINUTES).toBe(60);
    expect(resetLinkExpiry(now)).toEqual(new Date('2026-11-23T13:00:00Z'));
  });
  const link = { expiresAt: resetLinkExpiry(now), usedAt: null, revokedAt: null, userActive: true };
  it('work until the hour is over', () => {
    expect(() => assertResetLinkUsable(link, later(59))).not.toThrow();
  });
  it.each([
    ['unknown', null, now, /gäller inte/],
    ['used', { ...link, usedAt: later(1) }, later(2), /redan använd/],
    ['expired', link, later(60), /gått ut/],
    ['revoked', { ...link, revokedAt: later(1) }, later(2), /nyare länk/],
    ['unknown', { ...link, userActive: false }, now, /gäller inte/],
  ])('refuse with a plain message when %s', (_problem, state, at, message) => {
    expect(() => assertResetLinkUsable(state, at)).toThrow(message);
    expect(code(() => assertResetLinkUsable(state, at))).toBe(AccountErrorCode.ResetLinkInvalid);
  });
});

describe('shiftsNeedingPeople', () => {
  it('keeps the planned sessions left with fewer helpers than they need, by start', () => {
    const sessions = [
      { sessionId: 'b', status: 'planned' as const, start: '2026-12-02T09:00:00+01:00', helpers: 1, helpersNeeded: 2 },
      { sessionId: 'a', status: 'planned' as const, start: '2026-12-01T09:00:00+01:00', helpers: 0, helpersNeeded: 1 },
      { sessionId: 'full', status: 'planned' as const, start: '2026-12-01T09:00:00+01:00', helpers: 2, helpersNeeded: 2 },
      { sessionId: 'cancelled', status: 'cancelled' as const, start: '2026-12-01T09:00:00+01:00', helpers: 0, helpersNeeded: 2 },
    ];
    expect(shiftsNeedingPeople(sessions).map((s) => s.sessionId)).toEqual(['a', 'b']);
  });
});
