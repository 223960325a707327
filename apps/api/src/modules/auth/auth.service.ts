import { Inject, Injectable } from '@nestjs/common';
import { AuthError, checkPassword, normaliseEmail, type AuthUser, type Role } from '@digihjalpen/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from '../notifications/mail.service';
import { AuthRepository } from './auth.repository';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { hashSecret, newSecret } from './secrets';
import { currentTime } from '../../common/clock';

const SESSION_HOURS = 12;
const INVITATION_DAYS = 7;

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, now = currentTime()): Promise<SignedIn> {
    const found = await this.repo.findByEmail(normaliseEmail(email));
    const ok = await verifyPassword(found?.passwordHash ?? DUMMY_HASH, password);
    if (!found || !found.passwordHash || !ok) throw AuthError.invalidCredentials();
    return this.startSession(found.user, now);
  }

  async resolve(token: string, now = currentTime()): Promise<{ user: AuthUser; csrfToken: string } | null> {
    return this.repo.findSession(hashSecret(token), now);
  }

  async logout(token: string): Promise<void> {
    await this.repo.deleteSession(hashSecret(token));
  }

  /** Creates the account and e-mails a link (valid 7 days) where the person chooses a password. */
  async invite(by: AuthUser, input: { email: string; name: string; role: Role }, now = currentTime()): Promise<{ user: AuthUser; inviteUrl: string }> {
    const email = normaliseEmail(input.email);
    if (await this.repo.emailExists(email)) throw AuthError.emailTaken();
    const token = newSecret();
    const user = await this.repo.createInvitedUser(
      { email, name: input.name.trim(), role: input.role },
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

  private async startSession(user: AuthUser, now: Date): Promise<SignedIn> {
    const token = newSecret();
    const csrfToken = newSecret();
    await this.repo.createSession({ tokenHash: hashSecret(token), userId: user.id, csrfToken, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) });
    return { user, token, csrfToken };
  }
}
