import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthError, type AuthUser, type Role } from '@digihjalpen/domain';
import { DataSource, IsNull, MoreThan, Not } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';
import { InvitationEntity } from './invitation.entity';
import { UserEntity } from './user.entity';

const toAuthUser = (u: UserEntity): AuthUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId, siteId: u.siteId });

export interface UserWithPassword {
  user: AuthUser;
  passwordHash: string | null;
}

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findByEmail(email: string): Promise<UserWithPassword | null> {
    const u = await this.db.getRepository(UserEntity).findOneBy({ email, active: true });
    return u ? { user: toAuthUser(u), passwordHash: u.passwordHash } : null;
  }

  async passwordOf(userId: string): Promise<UserWithPassword | null> {
    const u = await this.db.getRepository(UserEntity).findOneBy({ id: userId, active: true });
    return u ? { user: toAuthUser(u), passwordHash: u.passwordHash } : null;
  }

  /** Sets a new password and ends every other sign-in of the person, atomically. */
  async changePassword(userId: string, passwordHash: string, keepTokenHash: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
      const [, ended] = (await tx.query(`DELETE FROM auth_session WHERE user_id = $1 AND token_hash <> $2`, [userId, keepTokenHash])) as [unknown, number];
      return ended;
    });
  }

  async findUser(id: string): Promise<AuthUser | null> {
    const u = await this.db.getRepository(UserEntity).findOneBy({ id, active: true });
    return u ? toAuthUser(u) : null;
  }

  /** Active people with this role who have chosen a password (pending invitations are left out). */
  /** Active users of a role who have chosen a password, with the organisation they belong to. */
  async listByRole(role: Role): Promise<(AuthUser & { organisationId: string | null })[]> {
    const users = await this.db.getRepository(UserEntity).find({ where: { role, active: true, passwordHash: Not(IsNull()) }, order: { name: 'ASC' } });
    return users.map((u) => ({ ...toAuthUser(u), organisationId: u.organisationId }));
  }

  /** One active person with this role who has chosen a password. */
  async findByRole(id: string, role: Role): Promise<(AuthUser & { organisationId: string | null }) | null> {
    const u = await this.db.getRepository(UserEntity).findOneBy({ id, role, active: true, passwordHash: Not(IsNull()) });
    return u ? { ...toAuthUser(u), organisationId: u.organisationId } : null;
  }

  async emailExists(email: string): Promise<boolean> {
    return this.db.getRepository(UserEntity).existsBy({ email });
  }

  async createSession(session: Pick<AuthSessionEntity, 'tokenHash' | 'userId' | 'csrfToken' | 'expiresAt' | 'lastSeenAt' | 'queueKey'>): Promise<void> {
    await this.db.getRepository(AuthSessionEntity).insert(session);
  }

  async findSession(tokenHash: string, now: Date): Promise<{ user: AuthUser; csrfToken: string; queueKey: string; lastSeenAt: Date } | null> {
    const s = await this.db
      .getRepository(AuthSessionEntity)
      .findOne({ where: { tokenHash, expiresAt: MoreThan(now), user: { active: true } }, relations: { user: true } });
    return s?.user ? { user: toAuthUser(s.user), csrfToken: s.csrfToken, queueKey: s.queueKey, lastSeenAt: s.lastSeenAt } : null;
  }

  async touchSession(tokenHash: string, now: Date): Promise<void> {
    await this.db.getRepository(AuthSessionEntity).update({ tokenHash }, { lastSeenAt: now });
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.getRepository(AuthSessionEntity).delete({ tokenHash });
  }

  /** Creates the user (no password yet) and the invitation in one transaction. */
  async createInvitedUser(
    user: { email: string; name: string; role: Role; partnerId: string | null; siteId: string | null },
    invitation: { tokenHash: string; invitedBy: string | null; expiresAt: Date },
  ): Promise<AuthUser> {
    try {
      return await this.db.transaction(async (tx) => {
        const created = await tx.getRepository(UserEntity).save(tx.getRepository(UserEntity).create({ ...user, passwordHash: null }));
        await tx.getRepository(InvitationEntity).insert({ ...invitation, userId: created.id });
        return toAuthUser(created);
      });
    } catch (error) {
      // A partner or site that does not exist (foreign key): the person's mistake, not ours.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw AuthError.invalidInvitation(user.partnerId ? { partnerId: 'Partnern finns inte.' } : { siteId: 'Biblioteket finns inte.' });
      }
      throw error;
    }
  }

  async weeklySummary(userId: string): Promise<boolean> {
    return (await this.db.getRepository(UserEntity).findOneBy({ id: userId }))?.weeklySummary ?? false;
  }

  async setWeeklySummary(userId: string, enabled: boolean): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id: userId }, { weeklySummary: enabled });
  }

  /** Active coordinators who asked for the Monday e-mail. */
  async weeklySummaryRecipients(): Promise<{ email: string; name: string }[]> {
    return this.db.getRepository(UserEntity).find({ select: { email: true, name: true }, where: { role: 'coordinator', active: true, weeklySummary: true, passwordHash: Not(IsNull()) } });
  }

  /** Uses a valid invitation: sets the password and ends the user's other sessions, atomically. */
  async acceptInvitation(tokenHash: string, passwordHash: (email: string) => Promise<string>, now: Date): Promise<AuthUser | null> {
    return this.db.transaction(async (tx) => {
      const invitation = await tx
        .getRepository(InvitationEntity)
        .createQueryBuilder('i')
        .innerJoinAndSelect('i.user', 'u')
        .where('i.token_hash = :tokenHash AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now AND u.active', { tokenHash, now })
        .setLock('pessimistic_write', undefined, ['i'])
        .getOne();
      if (!invitation?.user) return null;
      const hash = await passwordHash(invitation.user.email);
      await tx.getRepository(UserEntity).update({ id: invitation.userId }, { passwordHash: hash });
      await tx.getRepository(InvitationEntity).update({ tokenHash }, { usedAt: now });
      await tx.getRepository(AuthSessionEntity).delete({ userId: invitation.userId });
      return toAuthUser(invitation.user);
    });
  }
}
