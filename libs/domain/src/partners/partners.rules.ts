import type { AuthUser } from '../auth/auth.types';
import { publishCount } from '../insights/insights.rules';
import type { CountRow } from '../insights/insights.types';
import { PartnerError } from './partners.errors';
import type { PartnerInput, ReferralCodeInput } from './partners.types';
import { isUuid } from '../shared/ids';

/** Letters and digits that cannot be mistaken for each other when read off paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);

export function parsePartnerInput(body: unknown): PartnerInput {
  const name = text((body as Record<string, unknown> | null)?.['name']);
  if (!name) throw PartnerError.invalid({ name: 'Skriv organisationens namn.' });
  if (name.length > 120) throw PartnerError.invalid({ name: 'Skriv högst 120 tecken.' });
  return { name };
}

export function parseReferralCodeInput(body: unknown): ReferralCodeInput {
  const raw = (body ?? {}) as Record<string, unknown>;
  const label = text(raw['label']);
  const siteId = text(raw['siteId']);
  const fields: Record<string, string> = {};
  if (!label) fields['label'] = 'Skriv vad koden är till för, till exempel ”Jobbcoachning hösten 2026”.';
  else if (label.length > 80) fields['label'] = 'Skriv högst 80 tecken.';
  if (!isUuid(siteId)) fields['siteId'] = 'Välj vilket bibliotek koden leder till.';
  if (Object.keys(fields).length) throw PartnerError.invalidCode(fields);
  return { label: label as string, siteId: (siteId as string).toLowerCase() };
}

/** A new code like `KC4M-7QXH`: 8 characters of 31 (about 40 bits), easy to read aloud and type from a slip. */
export function referralCodeFrom(random: Uint8Array): string {
  if (random.length < 8) throw new Error('referralCodeFrom needs 8 random bytes');
  const chars = Array.from(random.subarray(0, 8), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Counts behind a funnel, exact; `suppressFunnel` makes them publishable to a partner. */
export interface FunnelCounts {
  referred: number;
  booked: number;
  came: number;
  outcomes: { key: string; label: string; count: number }[];
}

/** Every count a partner sees is 0, hidden (1–4) or rounded to the nearest 5 (see publishCount). */
export function suppressFunnel(counts: FunnelCounts): { referred: number | null; booked: number | null; came: number | null; outcomes: CountRow[] } {
  return {
    referred: publishCount(counts.referred),
    booked: publishCount(counts.booked),
    came: publishCount(counts.came),
    outcomes: counts.outcomes.map((o) => ({ key: o.key, label: o.label, count: publishCount(o.count) })),
  };
}

/** Coordinators see every partner; a partner's staff only their own organisation's codes and figures. */
export function assertPartnerAccess(user: Pick<AuthUser, 'role' | 'partnerId'>, partnerId: string): void {
  if (user.role === 'coordinator') return;
  if (user.role === 'partner' && user.partnerId && user.partnerId === partnerId) return;
  throw PartnerError.otherPartner();
}
