import { AuthError } from './auth.errors';
import type { Role } from './auth.types';
import { isUuid } from '../shared/ids';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// A short list of the most common choices; NIST SP 800-63B asks to refuse known-bad passwords
// rather than to demand symbols and digits.
const COMMON = new Set([
  'password1234', '123456789012', 'qwertyuiopå', 'lösenord1234', 'losenord1234', 'sommar2024!!', 'sommar2025!!', 'sommar2026!!',
  'välkommen123', 'valkommen123', 'digihjalpen1', 'digihjälpen1', 'bibliotek123', 'abcdefghijkl', 'qwertyuiop12',
]);

/** Length and a known-bad list, no composition rules (NIST SP 800-63B). Throws WEAK_PASSWORD. */
export function checkPassword(password: string, email: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw AuthError.weakPassword(`Lösenordet behöver minst ${MIN_PASSWORD_LENGTH} tecken. Tips: skriv några ord i rad.`);
  if (length > MAX_PASSWORD_LENGTH) throw AuthError.weakPassword(`Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) throw AuthError.weakPassword('Lösenordet är för vanligt. Välj något som är svårare att gissa.');
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) throw AuthError.weakPassword('Lösenordet får inte innehålla din e-postadress.');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * What an invited person is tied to: a partner needs their partner organisation, library staff their
 * site; other roles are tied to neither (anything sent for them is ignored).
 */
export function invitationScope(input: { role: Role; partnerId?: string | null; siteId?: string | null }): { partnerId: string | null; siteId: string | null } {
  if (input.role === 'partner') {
    if (!isUuid(input.partnerId)) throw AuthError.invalidInvitation({ partnerId: 'Välj vilken partnerorganisation personen arbetar för.' });
    return { partnerId: input.partnerId.toLowerCase(), siteId: null };
  }
  if (input.role === 'library-staff') {
    if (!isUuid(input.siteId)) throw AuthError.invalidInvitation({ siteId: 'Välj vilket bibliotek personen arbetar på.' });
    return { partnerId: null, siteId: input.siteId.toLowerCase() };
  }
  return { partnerId: null, siteId: null };
}
