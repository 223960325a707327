import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { hashSecret } from '../auth/secrets';

/** Outside production a key is made once and kept in DATA_DIR, so links survive a restart. */
function localKey(dataDir: string): string {
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

  hashFor(bookingId: string, version: number): string {
    return hashSecret(this.tokenFor(bookingId, version));
  }

  /** The stored hash to look a token up by, or null when it cannot be a token at all. */
  lookupHash(token: string): string | null {
    return TOKEN.test(token) ? hashSecret(token) : null;
  }
}
