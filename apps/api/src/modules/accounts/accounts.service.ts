import { Inject, Injectable } from '@nestjs/common';
import {
  AccountError,
  assertCanDeactivate,
  assertCanReactivate,
  assertCanResendInvitation,
  assertCanRevokeInvitation,
  assertCanSendPasswordReset,
  assertResetLinkUsable,
  checkPassword,
  matchesAccountStatus,
  matchesSearch,
  PAGE_SIZES,
  pageOf,
  resetLinkExpiry,
  RESET_LINK_MINUTES,
  shiftsNeedingPeople,
  type AccountListed,
  type AccountPage,
  type AccountQuery,
  type AuthUser,
  type DeactivationResult,
  type InvitationResent,
  type PasswordResetSent,
} from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AuthService, INVITATION_DAYS, type SignedIn } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { hashSecret, newSecret } from '../auth/secrets';
import { MailService } from '../notifications/mail.service';
import { mapAccount, mapShift } from './accounts.mapper';
import { AccountsRepository, toAuthUser, type AccountRow } from './accounts.repository';

const SWEDISH = new Intl.Collator('sv');
const DAY = 86_400_000;

/**
 * People and accounts for coordinators: the list, invitations resent or revoked, accounts turned off
 * and on, and one-time links for choosing a new password. Every change is audited in its transaction.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One page of the people by name (Swedish order), narrowed by role, status, what they belong to and
   * words in the name or e-mail. Searched in memory with the domain's rule, as the helper list is.
   */
  async list(query: AccountQuery, now = currentTime()): Promise<AccountPage> {
    const all = await this.repo.list({ role: query.role ?? null, belongsTo: query.belongsTo?.toLowerCase() ?? null });
    const found = all
      .map((a) => mapAccount(a, now))
      .filter((a) => matchesAccountStatus(a.status, query.status) && matchesSearch(query.q, a.name, a.email))
      .sort((a, b) => SWEDISH.compare(a.name, b.name) || a.email.localeCompare(b.email));
    return pageOf(found, query.page ?? 1, PAGE_SIZES.accounts);
  }

  /**
   * Turns an account off: every sign-in ends at once, the calendar feed and open links stop working, and
   * the person is taken off every session that has not started. Visits, hours and evidence stay.
   */
  async deactivate(by: AuthUser, id: string, now = currentTime()): Promise<DeactivationResult> {
    const { account, signInsEnded, removed } = await this.repo.transaction(async (tx) => {
      const coordinators = await this.repo.lockCoordinatorCount(tx);
      const target = await this.repo.lock(tx, id);
      if (!target) throw AccountError.notFound();
      assertCanDeactivate(by.id, target, coordinators);
      const signInsEnded = await this.repo.deactivate(tx, id, now);
      const removed = (await this.repo.removeFutureShifts(tx, id, now)).map(mapShift);
      const needing = shiftsNeedingPeople(removed);
      await this.audit.record(
        {
          actorId: by.id,
          action: 'account.deactivated',
          entity: 'app_user',
          entityId: id,
          details: { role: target.role, signInsEnded, shiftsRemoved: removed.length, sessionsNeedingHelpers: needing.map((s) => s.sessionId) },
        },
        tx,
      );
      return { account: await this.repo.find(id, tx), signInsEnded, removed };
    });
    return {
      account: this.listed(account, now),
      signInsEnded,
      shiftsRemoved: removed.length,
      shiftsNeedingPeople: shiftsNeedingPeople(removed).map(({ status: _status, ...s }) => s),
    };
  }

  /** Turns an account on again: the person signs in with their old password (or gets a reset link). */
  async reactivate(by: AuthUser, id: string, now = currentTime()): Promise<AccountListed> {
    const account = await this.repo.transaction(async (tx) => {
      await this.repo.lockCoordinatorCount(tx);
      const target = await this.repo.lock(tx, id);
      if (!target) throw AccountError.notFound();
      assertCanReactivate(target);
      await this.repo.reactivate(tx, id);
      await this.audit.record({ actorId: by.id, action: 'account.reactivated', entity: 'app_user', entityId: id, details: { role: target.role } }, tx);
      return this.repo.find(id, tx);
    });
    return this.listed(account, now);
  }

  /** A new invitation link, e-mailed again; the old link stops working. */
  async resendInvitation(by: AuthUser, id: string, now = currentTime()): Promise<InvitationResent> {
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY);
    const account = await this.repo.transaction(async (tx) => {
      const target = await this.repo.lock(tx, id);
      if (!target) throw AccountError.notFound();
      assertCanResendInvitation(target);
      await this.repo.replaceInvitation(tx, id, now, { tokenHash: hashSecret(token), invitedBy: by.id, expiresAt });
      await this.audit.record({ actorId: by.id, action: 'account.invitation-resent', entity: 'app_user', entityId: id, details: { role: target.role } }, tx);
      return this.repo.find(id, tx);
    });
    const listed = this.listed(account, now);
    const inviteUrl = `${this.config.publicUrl}/inbjudan/${token}`;
    await this.mail.send({
      to: listed.email,
      subject: 'Digihjälpen – ny länk för att välja lösenord',
      text: [
        `Hej ${listed.name}!`,
        '',
        `${by.name} har skickat en ny inbjudan till Digihjälpen. Länkar du har fått tidigare fungerar inte längre.`,
        `Öppna länken och välj ett lösenord. Länken gäller i ${INVITATION_DAYS} dagar:`,
        inviteUrl,
        '',
        'Om du inte väntade dig det här kan du strunta i mejlet.',
      ].join('\n'),
    });
    return { account: listed, inviteUrl, expiresAt: expiresAt.toISOString() };
  }

  /** The pending account can no longer be taken up with the link it was sent. */
  async revokeInvitation(by: AuthUser, id: string, now = currentTime()): Promise<AccountListed> {
    const account = await this.repo.transaction(async (tx) => {
      const target = await this.repo.lock(tx, id);
      if (!target) throw AccountError.notFound();
      assertCanRevokeInvitation(target, now);
      await this.repo.replaceInvitation(tx, id, now, null);
      await this.audit.record({ actorId: by.id, action: 'account.invitation-revoked', entity: 'app_user', entityId: id, details: { role: target.role } }, tx);
      return this.repo.find(id, tx);
    });
    return this.listed(account, now);
  }

  /** E-mails a one-time link (1 hour) for choosing a new password; a newer link revokes the older. */
  async sendPasswordReset(by: AuthUser, id: string, now = currentTime()): Promise<PasswordResetSent> {
    const token = newSecret();
    const expiresAt = resetLinkExpiry(now);
    const account = await this.repo.transaction(async (tx) => {
      const target = await this.repo.lock(tx, id);
      if (!target) throw AccountError.notFound();
      assertCanSendPasswordReset(target);
      await this.repo.replaceResetLink(tx, id, now, { tokenHash: hashSecret(token), sentBy: by.id, expiresAt });
      await this.audit.record({ actorId: by.id, action: 'account.password-reset-sent', entity: 'app_user', entityId: id, details: { role: target.role } }, tx);
      return this.repo.find(id, tx);
    });
    const listed = this.listed(account, now);
    await this.mail.send({
      to: listed.email,
      subject: 'Digihjälpen – välj ett nytt lösenord',
      text: [
        `Hej ${listed.name}!`,
        '',
        `${by.name} har skickat en länk så att du kan välja ett nytt lösenord i Digihjälpen.`,
        `Öppna länken och välj lösenord. Länken fungerar en gång och gäller i ${RESET_LINK_MINUTES} minuter:`,
        `${this.config.publicUrl}/aterstall/${token}`,
        '',
        'När du har valt lösenord loggas du ut på alla andra datorer och telefoner.',
        'Om du inte har bett om en ny länk kan du strunta i mejlet. Ditt lösenord är då som förut.',
      ].join('\n'),
    });
    return { account: listed, sentTo: listed.email, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Uses a reset link: sets the password (the same strength rule as everywhere), spends the link, ends
   * every other sign-in of the person and signs them in here. A refused password leaves the link usable.
   */
  async resetPassword(token: string, password: string, now = currentTime()): Promise<SignedIn> {
    const tokenHash = hashSecret(token);
    const user = await this.repo.transaction(async (tx) => {
      const link = await this.repo.lockResetLink(tx, tokenHash);
      assertResetLinkUsable(link, now);
      checkPassword(password, link.email);
      const ended = await this.repo.useResetLink(tx, tokenHash, link.userId, await hashPassword(password), now);
      await this.audit.record({ actorId: link.userId, action: 'auth.password-reset', entity: 'app_user', entityId: link.userId, details: { otherSignInsEnded: ended } }, tx);
      const account = await this.repo.find(link.userId, tx);
      if (!account) throw AccountError.resetLinkInvalid('unknown');
      return toAuthUser(account);
    });
    return this.auth.startSession(user, now);
  }

  private listed(account: AccountRow | null, now: Date): AccountListed {
    if (!account) throw AccountError.notFound();
    return mapAccount(account, now);
  }
}
