import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuthError, checkPassword, invitationScope, normaliseEmail, type AuthUser, type Role } from '@digihjalpen/domain';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from '../notifications/mail.service';
import { AuthRepository } from './auth.repository';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { hashSecret, newSecret } from './secrets';
import { currentTime } from '../../common/clock';
import { passwordChangeKeys, signInKeys, SignInThrottleService } from './sign-in-throttle.service';

const SESSION_HOURS = 12;
const TOUCH_AFTER_MS = 60_000;

export interface ResolvedSession {
  user: AuthUser;
  csrfToken: string;
  /** Key of the browser's encrypted offline queue for this sign-in. */
  queueKey: string;
}
export const INVITATION_DAYS = 7;

export interface SignedIn {
  user: AuthUser;
  token: string;
  csrfToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly throttles: SignInThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in. Every attempt is counted per client address and e-mail, and per address, before the
   * password is checked (growing delays: SignInThrottleService); a wrong password, an unknown or
   * deactivated e-mail and a throttled attempt get the same answer after the same work (a password hash
   * is always verified). Sign-ins, failures and new throttles go to the audit log.
   */
  async login(email: string, password: string, address: string, now = currentTime()): Promise<SignedIn> {
    const normalised = normaliseEmail(email);
    const found = await this.repo.findByEmail(normalised);
    const attempt = await this.throttles.charge(signInKeys(address, normalised, found?.user.id ?? null), now);
    const ok = await verifyPassword((attempt.allowed && found?.passwordHash) || DUMMY_HASH, password);
    if (!attempt.allowed || !found?.passwordHash || !ok) {
      if (attempt.allowed) {
        await this.audit.record({ actorId: found?.user.id ?? null, action: 'auth.sign-in-failed', entity: 'app_user', entityId: found?.user.id ?? null });
        await this.throttles.failed(attempt, found?.user.id ?? null);
      }
      throw AuthError.invalidCredentials();
    }
    await this.throttles.succeeded(attempt, now);
    await this.audit.record({ actorId: found.user.id, action: 'auth.signed-in', entity: 'app_user', entityId: found.user.id });
    return this.startSession(found.user, now);
  }

  /**
   * Changes the signed-in person's password (the current one is asked for) and ends all their other
   * sign-ins: a password someone else learned stops working everywhere at once. Wrong current passwords
   * are throttled like sign-ins (per person); a throttled attempt answers TOO_MANY_ATTEMPTS (429).
   */
  async changePassword(user: AuthUser, sessionToken: string, current: string, next: string, now = currentTime()): Promise<void> {
    const attempt = await this.throttles.charge(passwordChangeKeys(user.id), now);
    if (!attempt.allowed) throw AuthError.tooManyAttempts(Math.ceil(((attempt.blockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    const found = await this.repo.passwordOf(user.id);
    if (!found?.passwordHash || !(await verifyPassword(found.passwordHash, current))) {
      await this.throttles.failed(attempt, user.id);
      throw AuthError.wrongPassword();
    }
    await this.throttles.succeeded(attempt, now);
    checkPassword(next, user.email);
    const ended = await this.repo.changePassword(user.id, await hashPassword(next), hashSecret(sessionToken));
    await this.audit.record({ actorId: user.id, action: 'auth.password-changed', entity: 'app_user', entityId: user.id, details: { otherSignInsEnded: ended } });
  }

  /**
   * The sign-in behind a session cookie. One unused for longer than the idle time is ended here, so a
   * shared laptop left signed in is safe even if the page's own idle timer never ran.
   */
  async resolve(token: string, now = currentTime()): Promise<ResolvedSession | null> {
    const tokenHash = hashSecret(token);
    const session = await this.repo.findSession(tokenHash, now);
    if (!session) return null;
    const idleMs = now.getTime() - session.lastSeenAt.getTime();
    if (idleMs > this.config.idleMinutes * 60_000) {
      await this.repo.deleteSession(tokenHash);
      return null;
    }
    // At most one write a minute per sign-in.
    if (idleMs > TOUCH_AFTER_MS) await this.repo.touchSession(tokenHash, now);
    return { user: session.user, csrfToken: session.csrfToken, queueKey: session.queueKey };
  }

  async logout(token: string): Promise<void> {
    await this.repo.deleteSession(hashSecret(token));
  }

  /** Creates the account and e-mails a link (valid 7 days) where the person chooses a password. */
  async invite(
    by: AuthUser,
    input: { email: string; name: string; role: Role; partnerId?: string | null; siteId?: string | null },
    now = currentTime(),
  ): Promise<{ user: AuthUser; inviteUrl: string }> {
    const email = normaliseEmail(input.email);
    const scope = invitationScope(input);
    if (await this.repo.emailExists(email)) throw AuthError.emailTaken();
    const token = newSecret();
    const user = await this.repo.createInvitedUser(
      { email, name: input.name.trim(), role: input.role, ...scope },
      { tokenHash: hashSecret(token), invitedBy: by.id, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) },
    );
    const inviteUrl = `${this.config.publicUrl}/inbjudan/${token}`;
    await this.mail.send({
      to: email,
      subject: 'Välkommen till Digihjälpen – välj ditt lösenord',
      text: [
        `Hej ${user.name}!`,
        '',
        `${by.name} har bjudit in dig till Digihjälpen.`,
        `Öppna länken och välj ett lösenord. Länken gäller i ${INVITATION_DAYS} dagar:`,
        inviteUrl,
        '',
        'Om du inte väntade dig det här kan du strunta i mejlet.',
      ].join('\n'),
    });
    return { user, inviteUrl };
  }

  async acceptInvitation(token: string, password: string, now = currentTime()): Promise<SignedIn> {
    // The password is checked against the invited e-mail inside the transaction; a refusal rolls it back.
    const user = await this.repo.acceptInvitation(
      hashSecret(token),
      async (email) => {
        checkPassword(password, email);
        return hashPassword(password);
      },
      now,
    );
    if (!user) throw AuthError.invitationInvalid();
    return this.startSession(user, now);
  }

  /** A new sign-in for the person (also after a password reset: accounts module). */
  async startSession(user: AuthUser, now: Date): Promise<SignedIn> {
    const token = newSecret();
    const csrfToken = newSecret();
    await this.repo.createSession({
      tokenHash: hashSecret(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
      lastSeenAt: now,
      queueKey: randomBytes(32).toString('base64'),
    });
    return { user, token, csrfToken };
  }
}
