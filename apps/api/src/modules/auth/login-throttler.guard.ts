import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { normaliseEmail } from '@digihjalpen/domain';

/**
 * Counts sign-in attempts per address *and* e-mail: a library's public network puts many people
 * behind one address, and one person's typos must not lock out the others.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = req['body'] as { email?: unknown; token?: unknown } | undefined;
    const who = typeof body?.email === 'string' ? normaliseEmail(body.email) : typeof body?.token === 'string' ? body.token.slice(0, 12) : '';
    return `${String(req['ip'])}|${who}`;
  }
}
