import { aVisitInput as aDomainVisitInput } from '@digihjalpen/domain/testing';
import { webcrypto } from 'node:crypto';
import type { DeskBookingView, DeskSessionView, VisitInput, VisitView } from '@digihjalpen/domain';

/** Node's Web Crypto for component tests (jsdom has no `crypto.subtle`). */
export const testCrypto = webcrypto as unknown as Crypto;

/** A queue key as /api/auth/me gives it: base64 of 32 bytes. */
export function aQueueKey(fill = 7): string {
  return Buffer.from(new Uint8Array(32).fill(fill)).toString('base64');
}

/** localStorage's shape in memory: each test (and each simulated page load) decides what it shares. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  values(): string[] {
    return [...this.items.values()];
  }
}

/** A drop-in visit as the helper's form sends it (the domain's factory, on this file's session); override what the test is about. */
export function aVisitInput(overrides: Partial<VisitInput> = {}): VisitInput {
  return aDomainVisitInput({ sessionId: '10000000-0000-4000-8000-000000000001', durationMinutes: 12, ...overrides });
}

/** The API's answer for a stored visit. */
export function aVisitView(input: VisitInput = aVisitInput(), overrides: Partial<VisitView> = {}): VisitView {
  return {
    ...input,
    id: `90000000-0000-4000-8000-${input.clientId.slice(-12)}`,
    helperId: '30000000-0000-4000-8000-000000000001',
    helperName: 'Yusuf Ahmadi',
    siteId: '20000000-0000-4000-8000-000000000001',
    siteName: 'Stadsbiblioteket',
    date: '2030-03-05',
    createdAt: '2030-03-05T10:20:00+01:00',
    updatedAt: '2030-03-05T10:20:00+01:00',
    ...overrides,
  };
}

/** A booking on the helper's desk at 10:00. */
export function aDeskBooking(overrides: Partial<DeskBookingView> = {}): DeskBookingView {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    slotStart: '2030-03-05T10:00:00+01:00',
    slotEnd: '2030-03-05T10:30:00+01:00',
    name: 'Amina',
    topics: ['bankid', 'email'],
    language: 'ar',
    ownDevice: true,
    needs: null,
    attendance: null,
    visitLogged: false,
    ...overrides,
  };
}

/**
 * Today's session on the desk: it started an hour ago and ends in an hour (relative to the real
 * clock, as the page compares with it), Stadsbiblioteket, not checked in, no bookings.
 */
export function aDeskSession(overrides: Partial<DeskSessionView> = {}, now = Date.now()): DeskSessionView {
  return {
    session: { id: '10000000-0000-4000-8000-000000000001', start: new Date(now - 3_600_000).toISOString(), end: new Date(now + 3_600_000).toISOString(), status: 'planned', dropIn: true },
    site: { id: '20000000-0000-4000-8000-000000000001', slug: 'stadsbiblioteket', name: 'Stadsbiblioteket', timeZone: 'Europe/Stockholm' },
    shift: { checkedInAt: null, checkedOutAt: null },
    bookings: [],
    visitsLogged: 0,
    report: null,
    ...overrides,
  };
}
