import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  DEFAULT_TIME_ZONE,
  grantActive,
  judgeProofCode,
  parsePrivacyScope,
  parseProofCode,
  parseReference,
  PrivacyError,
  PROOF_CODE_TRIES,
  PROOF_GRANT_MINUTES,
  proofChannel,
  proofCodeExpiresAt,
  retentionCutoff,
  toLocalIso,
  type AuthUser,
  type ErasureResult,
  type PrivacyExport,
  type PrivacyRequestView,
  type PrivacyScope,
  type PrivacySettingsView,
  type ProofCodeSent,
  type ProofGranted,
  type ProofJudgement,
} from '@digihjalpen/domain';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
import { PrivacyCodes } from './privacy-codes';
import { sendsTo, toPrivacyBooking, toProofView } from './privacy.mapper';
import { PrivacyRepository } from './privacy.repository';
import { RateLimitExceeded } from '../limits/rate-limit-exceeded';
import { RateLimits } from '../limits/rate-limits.service';

export const RETENTION_QUEUE = 'privacy-retention';
/** Rows per UPDATE: a large backlog (the first night, or after an outage) never holds long locks. */
const BATCH = 1_000;

/**
 * Privacy of help-seekers: the nightly retention job, and a coordinator's right-of-access and erasure
 * requests by booking reference: that booking only, or every booking with its e-mail address once the
 * person has read out a one-time code sent there. Audit entries name bookings by id only, never a name,
 * an address or a code.
 */
/** One-time codes one booking may be sent per day (UTC). */
const CODES_PER_BOOKING_DAY = 10;

@Injectable()
export class PrivacyService implements OnModuleInit {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly repo: PrivacyRepository,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly codes: PrivacyCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limits: RateLimits,
  ) {}

  onModuleInit(): void {
    // 02:30 Stockholm time, when nobody books; pg-boss runs a cron once across all instances.
    this.jobs.define({ name: RETENTION_QUEUE, cron: '30 2 * * *', retryLimit: 2, handle: async () => void (await this.eraseExpired()) });
  }

  settings(): PrivacySettingsView {
    return { retentionDays: this.config.retentionDays };
  }

  /** Erases every booking whose time ended more than RETENTION_DAYS ago; one audit entry with the count. */
  async eraseExpired(now = currentTime(), batchSize = BATCH): Promise<number> {
    const cutoff = retentionCutoff(now, this.config.retentionDays);
    let erased = 0;
    for (;;) {
      const batch = await this.repo.eraseEndedBefore(cutoff, now, batchSize);
      erased += batch;
      if (batch < batchSize) break;
    }
    await this.audit.record({
      actorId: null,
      action: 'privacy.retention',
      entity: 'booking',
      details: { erased, retentionDays: this.config.retentionDays, endedBefore: cutoff.toISOString() },
    });
    await this.repo.deleteEndedProofs(now);
    if (erased) this.logger.log(`Retention: erased the details of ${erased} bookings that ended before ${cutoff.toISOString()}`);
    return erased;
  }

  /** What is held about the person behind a reference (shown on the page): audited. */
  view(user: AuthUser, referenceText: string, scopeText?: unknown): Promise<PrivacyRequestView> {
    return this.find(user, referenceText, parsePrivacyScope(scopeText), 'privacy.viewed');
  }

  /** The same as a file to hand over (without the coordinator's proof state): audited as an export. */
  async export(user: AuthUser, referenceText: string, scopeText?: unknown): Promise<PrivacyExport> {
    const { proof: _proof, ...view } = await this.find(user, referenceText, parsePrivacyScope(scopeText), 'privacy.exported');
    return view;
  }

  /**
   * Erases the booking now (with scope `contact` and a grant, every booking with the proven address), the
   * same way as the retention job. Erasing again erases nothing.
   */
  async erase(user: AuthUser, referenceText: string, scopeText?: unknown, now = currentTime()): Promise<ErasureResult> {
    const reference = parseReference(referenceText);
    const scope = parsePrivacyScope(scopeText);
    return this.repo.transaction(async (tx) => {
      const booking = await this.repo.byReference(reference, tx);
      if (!booking) throw PrivacyError.notFound();
      const contactKey = await this.grantedContact(user, booking.id, scope, now, tx);
      const ids = (await this.repo.bookingsOf(booking.id, contactKey, tx)).filter((b) => !b.erasedAt).map((b) => b.id);
      const result = ids.length ? await this.repo.eraseBookings(tx, ids, now) : { ids: [], cancelled: 0 };
      await this.audit.record({ actorId: user.id, action: 'privacy.erased', entity: 'booking', entityId: booking.id, details: { scope, bookingIds: result.ids, cancelled: result.cancelled } }, tx);
      return { erased: result.ids.length, cancelled: result.cancelled };
    });
  }

  /**
   * Sends a new one-time code to the booking's e-mail address (a new code replaces this coordinator's old
   * one and ends a grant). Audited with ids only; the code is in no log.
   */
  async sendCode(user: AuthUser, referenceText: string, now = currentTime()): Promise<ProofCodeSent> {
    const reference = parseReference(referenceText);
    return this.repo.transaction(async (tx) => {
      const booking = await this.repo.byReference(reference, tx);
      if (!booking) throw PrivacyError.notFound();
      const channel = booking.erasedAt ? null : proofChannel(booking);
      if (!channel) throw PrivacyError.noChannel(!booking.erasedAt && !!booking.phone);
      // A new code gives five new tries: at most ten codes a booking a day (50 guesses at one in a million),
      // and the person's inbox is not flooded. Counted only when a code is really sent.
      const sent = await this.limits.hit('privacy-code-day', booking.id, CODES_PER_BOOKING_DAY, 86_400, { tx, now });
      if (!sent.allowed) {
        throw new RateLimitExceeded(
          `${CODES_PER_BOOKING_DAY} koder har redan skickats för den här bokningen i dag. Försök igen i morgon, eller be personen komma med legitimation.`,
          sent.retryAfterSeconds,
        );
      }
      const { proofId, code } = this.codes.newCode();
      const codeExpiresAt = proofCodeExpiresAt(now);
      await this.repo.replaceProof(tx, {
        id: proofId,
        bookingId: booking.id,
        coordinatorId: user.id,
        channel,
        contactKey: this.codes.contactKey(channel, booking),
        codeHash: this.codes.hash(proofId, code),
        now,
        codeExpiresAt,
      });
      await this.codes.enqueue(proofId, code, tx);
      await this.audit.record({ actorId: user.id, action: 'privacy.code-sent', entity: 'booking', entityId: booking.id, details: { proofId, channel } }, tx);
      return { channel, sentTo: sendsTo(channel, booking), expiresAt: toLocalIso(codeExpiresAt, DEFAULT_TIME_ZONE), triesLeft: PROOF_CODE_TRIES };
    });
  }

  /**
   * Checks the code the person reads out. Right: this coordinator may see, export and erase every booking
   * with the address for 30 minutes. Wrong: one of five tries is used (kept even though the answer is an
   * error). Every outcome is audited with ids only.
   */
  async verifyCode(user: AuthUser, referenceText: string, body: unknown, now = currentTime()): Promise<ProofGranted> {
    const reference = parseReference(referenceText);
    const code = parseProofCode(body);
    const outcome = await this.repo.transaction(async (tx): Promise<{ granted: ProofGranted } | { refused: PrivacyError }> => {
      const booking = await this.repo.byReference(reference, tx);
      if (!booking) throw PrivacyError.notFound();
      const proof = await this.repo.proofOf(booking.id, user.id, tx, true);
      const refuse = async (error: PrivacyError, triesLeft?: number) => {
        const details = { proofId: proof?.id ?? null, reason: error.code, ...(triesLeft === undefined ? {} : { triesLeft }) };
        await this.audit.record({ actorId: user.id, action: 'privacy.code-failed', entity: 'booking', entityId: booking.id, details }, tx);
        return { refused: error };
      };
      let judgement: ProofJudgement;
      try {
        judgement = judgeProofCode(proof, !!proof && this.codes.matches(proof.id, code, proof.codeHash), now);
      } catch (error) {
        if (error instanceof PrivacyError) return refuse(error);
        throw error;
      }
      if (!proof) return refuse(PrivacyError.noCode()); // judgeProofCode already refuses a missing proof
      if (judgement.kind === 'wrong') {
        await this.repo.recordWrongTry(tx, proof.id, PROOF_CODE_TRIES);
        return refuse(PrivacyError.wrongCode(judgement.triesLeft), judgement.triesLeft);
      }
      await this.repo.markVerified(tx, proof.id, now, judgement.grantedUntil);
      await this.audit.record({ actorId: user.id, action: 'privacy.code-verified', entity: 'booking', entityId: booking.id, details: { proofId: proof.id } }, tx);
      const bookings = (await this.repo.bookingsOf(booking.id, proof.contactKey, tx)).length;
      return { granted: { grantedUntil: toLocalIso(judgement.grantedUntil, DEFAULT_TIME_ZONE), bookings } };
    });
    // The used try and its audit entry are committed before the error answers.
    if ('refused' in outcome) throw outcome.refused;
    return outcome.granted;
  }

  private async find(user: AuthUser, referenceText: string, scope: PrivacyScope, action: 'privacy.viewed' | 'privacy.exported', now = currentTime()): Promise<PrivacyRequestView> {
    const reference = parseReference(referenceText);
    return this.repo.transaction(async (tx) => {
      const booking = await this.repo.byReference(reference, tx);
      if (!booking) throw PrivacyError.notFound();
      const contactKey = await this.grantedContact(user, booking.id, scope, now, tx);
      const rows = await this.repo.bookingsOf(booking.id, contactKey, tx);
      const proof = await this.repo.proofOf(booking.id, user.id, tx);
      await this.audit.record({ actorId: user.id, action, entity: 'booking', entityId: booking.id, details: { scope, bookingIds: rows.map((r) => r.id) } }, tx);
      return {
        reference,
        scope,
        erased: booking.erasedAt !== null,
        bookings: rows.map(toPrivacyBooking),
        retentionDays: this.config.retentionDays,
        proof: toProofView(booking, proof, now),
      };
    });
  }

  /** Scope `contact` needs this coordinator's live grant for the booking: its proven contact key. */
  private async grantedContact(user: AuthUser, bookingId: string, scope: PrivacyScope, now: Date, tx: EntityManager): Promise<string | null> {
    if (scope === 'booking') return null;
    const proof = await this.repo.proofOf(bookingId, user.id, tx);
    if (!proof || !grantActive(proof, now)) throw PrivacyError.proofRequired(PROOF_GRANT_MINUTES);
    return proof.contactKey;
  }
}
