import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { contactKeys, proofCodeFrom, type Language, type ProofChannel } from '@digihjalpen/domain';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { sameSecret } from '../auth/secrets';
import { localKey, ManageTokens } from '../bookings/manage-tokens';
import { JobQueue } from '../jobs/job-queue';
import { MailService } from '../notifications/mail.service';
import { privacyCodeMail } from './privacy-code-mail';
import { PrivacyRepository } from './privacy.repository';

export const PRIVACY_CODE_QUEUE = 'privacy-code';

/** The job carries the code sealed (AES-256-GCM under the server key): the queue table and its backups never hold it in clear. */
export interface PrivacyCodeJob {
  proofId: string;
  sealed: string;
}

/** Where a code goes and in which language. */
export interface CodeRecipient {
  email: string | null;
  phone: string | null;
  language: Language;
}

/**
 * One-time codes for proving control of a booking's contact: made at random, stored only as a keyed hash,
 * and delivered by the job queue (any instance, retried on failure) in the booking's language.
 */
@Injectable()
export class PrivacyCodes implements OnModuleInit {
  private readonly logger = new Logger(PrivacyCodes.name);
  private readonly key: string;
  private readonly sealKey: Buffer;

  constructor(
    private readonly jobs: JobQueue,
    private readonly repo: PrivacyRepository,
    private readonly mail: MailService,
    private readonly tokens: ManageTokens,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = config.secretKey ?? localKey(config.dataDir);
    this.sealKey = createHmac('sha256', this.key).update('privacy-code-seal').digest();
  }

  onModuleInit(): void {
    // A code lives ten minutes: two quick retries, then the coordinator sends a new one.
    this.jobs.define<PrivacyCodeJob>({ name: PRIVACY_CODE_QUEUE, retryLimit: 2, handle: (job) => this.deliver(job) });
  }

  /** A new proof id and six random digits. */
  newCode(): { proofId: string; code: string } {
    return { proofId: randomUUID(), code: proofCodeFrom(randomInt(0, 1_000_000)) };
  }

  /** HMAC under the server key, bound to the proof: a leaked table alone cannot be searched for codes. */
  hash(proofId: string, code: string): string {
    return createHmac('sha256', this.key).update(`privacy-code:${proofId}:${code}`).digest('hex');
  }

  matches(proofId: string, code: string, storedHash: string | null): boolean {
    return storedHash !== null && sameSecret(this.hash(proofId, code), storedHash);
  }

  /** The keyed contact key (as in `booking.contact_keys`) of the address or number the code goes to. */
  contactKey(channel: ProofChannel, to: CodeRecipient): string {
    const key = contactKeys(channel === 'email' ? { email: to.email, phone: null } : { email: null, phone: to.phone })[0];
    if (!key) throw new Error(`No ${channel} to prove`);
    return this.tokens.contactKeyHash(key);
  }

  /** Queues the code's delivery in the transaction that stored its hash. */
  async enqueue(proofId: string, code: string, tx: EntityManager): Promise<void> {
    await this.jobs.send<PrivacyCodeJob>(PRIVACY_CODE_QUEUE, { proofId, sealed: this.seal(proofId, code) }, {}, tx);
  }

  async deliver(job: PrivacyCodeJob): Promise<void> {
    const proof = await this.repo.proofForDelivery(job.proofId);
    // Replaced by a newer code, used, burnt, expired or erased meanwhile: nothing to send.
    if (!proof || proof.codeExpiresAt.getTime() <= currentTime().getTime()) return;
    const code = this.open(job.proofId, job.sealed);
    if (!this.matches(job.proofId, code, proof.codeHash)) return;
    try {
      await this.send(proof.channel, proof, code);
    } catch (error) {
      const { code: smtp, responseCode } = error as { code?: string; responseCode?: number };
      this.logger.warn(`Privacy code (${proof.channel}) failed (${smtp ?? 'error'} ${responseCode ?? ''}), will retry`);
      throw new Error(`Delivery ${smtp ?? 'error'} ${responseCode ?? ''}`.trim());
    }
  }

  /** The one place a code leaves the system, per channel. SMS (issue 20) adds its case here. */
  private async send(channel: ProofChannel, to: CodeRecipient, code: string): Promise<void> {
    switch (channel) {
      case 'email':
        if (!to.email) return;
        await this.mail.send({ to: to.email, ...privacyCodeMail(code, to.language) });
        return;
    }
  }

  private seal(proofId: string, code: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv).setAAD(Buffer.from(proofId));
    const data = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
  }

  private open(proofId: string, sealed: string): string {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, 12)).setAAD(Buffer.from(proofId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
