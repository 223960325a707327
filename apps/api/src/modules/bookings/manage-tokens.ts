import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { hashSecret } from '../auth/secrets';

/** Outside production a key is made once and kept in DATA_DIR, so links survive a restart. */
export function localKey(dataDir: string): string {
  const file = path.join(dataDir, 'secret-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Manage links: a 256-bit token derived from the booking id, a version and a server key. Only its
 * hash is stored (a database leak hands out no working links), yet the reminder e-mail a day later
 * can carry the same link. Raising the version revokes a link.
 */
@Injectable()
export class ManageTokens {
  private readonly key: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = config.secretKey ?? localKey(config.dataDir);
  }

  tokenFor(bookingId: string, version: number): string {
    return createHmac('sha256', this.key).update(`booking-manage:${bookingId}:${version}`).digest('base64url');
  }

  /**
   * A contact key (normalised e-mail or phone) as stored for the per-contact booking limit: a keyed
   * hash, so the column holds no readable address or number and matches only under this server's key.
   */
  contactKeyHash(key: string): string {
    return createHmac('sha256', this.key).update(`contact:${key}`).digest('base64url');
  }

  /**
   * The network a public booking came from (`clientNetwork`), as stored: a keyed hash, so the column holds
   * no address yet two bookings from one /64 (or IPv4 address) match. Null when the address is unknown.
   */
  originHash(network: string): string | null {
    return network === 'unknown' ? null : createHmac('sha256', this.key).update(`origin:${network}`).digest('base64url');
  }

  /**
   * Proof that whoever follows a link controls one contact of the booking (`contactKey`: its stored hash):
   * 256 bits, base64url, derived rather than stored. It travels only to that contact — in the e-mail's manage
   * link (`?c=`); an SMS can carry the phone's — never to the browser that booked.
   */
  contactProof(bookingId: string, contactKey: string): string {
    return createHmac('sha256', this.key).update(`contact-proof:${bookingId}:${contactKey}`).digest('base64url');
  }

  /** The contact key (of `contactKeys`) this proof was made for, compared in constant time; null if none. */
  contactProven(bookingId: string, contactKeys: readonly string[], proof: string): string | null {
    const given = Buffer.from(proof);
    for (const key of contactKeys) {
      const expected = Buffer.from(this.contactProof(bookingId, key));
      if (expected.length === given.length && timingSafeEqual(expected, given)) return key;
    }
    return null;
  }

  hashFor(bookingId: string, version: number): string {
    return hashSecret(this.tokenFor(bookingId, version));
  }

  /** The stored hash to look a token up by, or null when it cannot be a token at all. */
  lookupHash(token: string): string | null {
    return TOKEN.test(token) ? hashSecret(token) : null;
  }
}
