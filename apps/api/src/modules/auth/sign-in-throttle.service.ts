import { Injectable } from '@nestjs/common';
import {
  AuthError,
  chargeAttempt,
  isThrottleActive,
  isUuid,
  refundAttempt,
  THROTTLE_KINDS,
  THROTTLE_POLICIES,
  throttleExpiresAt,
  type AuthUser,
  type SignInThrottleView,
  type ThrottleKind,
  type ThrottleState,
} from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { hashSecret } from './secrets';
import { SignInThrottleRepository, type ThrottleKey, type ThrottleWrite } from './sign-in-throttle.repository';

/** An attempt after it was counted: whether its password may be checked, and what was charged. */
export interface ThrottledAttempt {
  allowed: boolean;
  /** When the latest block on the attempt's keys ends (refused attempts). */
  blockedUntil: Date | null;
  charged: { id: string; key: ThrottleKey; state: ThrottleState; startsThrottling: boolean }[];
}

/** The keys a sign-in is counted against: the client address with the e-mail, and the address alone. */
export function signInKeys(address: string, email: string, userId: string | null): ThrottleKey[] {
  return [
    // The e-mail only as a digest: an unknown e-mail someone typed is never stored in clear.
    { kind: 'account', key: `${address}|${hashSecret(email)}`, address, userId },
    { kind: 'address', key: address, address, userId: null },
  ];
}

export function passwordChangeKeys(userId: string): ThrottleKey[] {
  return [{ kind: 'password-change', key: userId, address: null, userId }];
}

const write = (state: ThrottleState, kind: ThrottleKind): ThrottleWrite => ({ state, expiresAt: throttleExpiresAt(state, THROTTLE_POLICIES[kind]) });

/**
 * Sign-in throttling (issue 16): growing delays per client address and account, and per address across
 * accounts, counted in PostgreSQL so every API instance shares them. There is no account-wide lock:
 * wrong passwords from elsewhere never keep the owner out.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    private readonly repo: SignInThrottleRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Counts an attempt as a failure before its password is checked (parallel guesses cannot slip past
   * the count), unless one of its keys is blocked: then nothing is counted and the attempt is refused.
   */
  charge(keys: readonly ThrottleKey[], now: Date): Promise<ThrottledAttempt> {
    return this.repo.update<ThrottledAttempt>(keys, now, (rows) => {
      const charges = rows.map((row) => chargeAttempt(row.state, THROTTLE_POLICIES[row.key.kind], now));
      if (charges.some((c) => !c.allowed)) {
        const until = charges.map((c) => (c.allowed ? 0 : (c.state.blockedUntil?.getTime() ?? 0)));
        return { writes: rows.map(() => undefined), result: { allowed: false, blockedUntil: new Date(Math.max(...until)), charged: [] } };
      }
      return {
        writes: charges.map((c, i) => write(c.state, (rows[i] as (typeof rows)[number]).key.kind)),
        result: {
          allowed: true,
          blockedUntil: null,
          charged: rows.map((row, i) => {
            const c = charges[i] as Extract<(typeof charges)[number], { allowed: true }>;
            return { id: row.id, key: row.key, state: c.state, startsThrottling: c.startsThrottling };
          }),
        },
      };
    });
  }

  /** The password was right: the account's and the password page's counts are cleared, the address's gets this attempt back. */
  async succeeded(attempt: ThrottledAttempt, now: Date): Promise<void> {
    if (!attempt.charged.length) return;
    await this.repo.update(
      attempt.charged.map((c) => c.key),
      now,
      (rows) => ({
        writes: rows.map((row) => {
          if (row.key.kind !== 'address') return null;
          const charged = attempt.charged.find((c) => c.key.kind === row.key.kind && c.key.key === row.key.key);
          const left = row.state && charged ? refundAttempt(row.state, charged.state) : row.state;
          return left ? write(left, row.key.kind) : null;
        }),
        result: undefined,
      }),
    );
  }

  /** The password was wrong: a key this attempt started throttling goes to the audit log. */
  async failed(attempt: ThrottledAttempt, actorId: string | null): Promise<void> {
    for (const c of attempt.charged.filter((x) => x.startsThrottling)) {
      await this.audit.record({
        actorId: c.key.kind === 'address' ? null : actorId,
        action: 'auth.throttled',
        entity: 'sign_in_throttle',
        entityId: c.id,
        details: { kind: c.key.kind, failures: c.state.failures },
      });
    }
  }

  /** Keys being throttled now (past their free failures, not yet forgotten), the newest first. */
  async list(now = currentTime()): Promise<SignInThrottleView[]> {
    const minFailures = Object.fromEntries(THROTTLE_KINDS.map((kind) => [kind, THROTTLE_POLICIES[kind].freeFailures + 1])) as Record<ThrottleKind, number>;
    const rows = await this.repo.listLive(now, minFailures);
    return rows
      .filter((r) => isThrottleActive(r, THROTTLE_POLICIES[r.kind], now))
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        email: r.email,
        name: r.name,
        address: r.address,
        failures: r.failures,
        blockedUntil: r.blockedUntil && r.blockedUntil > now ? r.blockedUntil.toISOString() : null,
        lastFailureAt: r.lastFailureAt.toISOString(),
      }));
  }

  /** A coordinator clears a key: its count starts from nothing. Audited in the same transaction. */
  async clear(by: AuthUser, id: string): Promise<void> {
    if (!isUuid(id)) throw AuthError.signInThrottleNotFound();
    await this.repo.transaction(async (tx) => {
      const removed = await this.repo.remove(id.toLowerCase(), tx);
      if (!removed) throw AuthError.signInThrottleNotFound();
      await this.audit.record(
        { actorId: by.id, action: 'auth.throttle-cleared', entity: 'sign_in_throttle', entityId: id.toLowerCase(), details: { kind: removed.kind, userId: removed.userId } },
        tx,
      );
    });
  }
}
