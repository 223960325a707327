import { PrivacyError, PrivacyErrorCode } from './privacy.errors';
import {
  grantActive,
  judgeProofCode,
  parsePrivacyScope,
  parseProofCode,
  parseReference,
  pendingCode,
  PROOF_CODE_MINUTES,
  PROOF_CODE_TRIES,
  proofChannel,
  proofCodeFrom,
  retentionCutoff,
} from './privacy.rules';

describe('parseReference', () => {
  it('accepts a reference as printed, in lower case, and without the dash', () => {
    expect(parseReference('K7F-3QD')).toBe('K7F-3QD');
    expect(parseReference(' k7f3qd ')).toBe('K7F-3QD');
  });

  it('refuses what cannot be a reference with a Swedish message when it has the wrong length or letters', () => {
    for (const bad of ['', 'K7F', 'K7F-3QO', 42, null]) {
      try {
        parseReference(bad);
        throw new Error('expected a PrivacyError');
      } catch (error) {
        expect(error).toBeInstanceOf(PrivacyError);
        expect((error as PrivacyError).code).toBe(PrivacyErrorCode.InvalidReference);
        expect((error as PrivacyError).message).toMatch(/sex tecken/);
      }
    }
  });
});

describe('retentionCutoff', () => {
  it('is the given number of whole days before now', () => {
    expect(retentionCutoff(new Date('2026-11-23T02:30:00Z'), 30)).toEqual(new Date('2026-10-24T02:30:00Z'));
  });

  it('refuses a retention under one day when misconfigured', () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow();
  });
});

describe('parsePrivacyScope', () => {
  it('is the booking alone when nothing is asked for, and the contact when asked for', () => {
    expect(parsePrivacyScope(undefined)).toBe('booking');
    expect(parsePrivacyScope('booking')).toBe('booking');
    expect(parsePrivacyScope('contact')).toBe('contact');
  });

  it('refuses anything else with a Swedish message when the scope is unknown', () => {
    for (const bad of ['all', '', ['contact', 'contact'], 'CONTACT']) {
      expect(() => parsePrivacyScope(bad)).toThrow(expect.objectContaining({ code: PrivacyErrorCode.InvalidScope }));
    }
  });
});

describe('parseProofCode', () => {
  it('accepts six digits as read out, with spaces or a dash', () => {
    expect(parseProofCode({ code: '482913' })).toBe('482913');
    expect(parseProofCode({ code: ' 482 913 ' })).toBe('482913');
    expect(parseProofCode({ code: '482-913' })).toBe('482913');
    expect(parseProofCode({ code: '007000' })).toBe('007000');
  });

  it('refuses a code of the wrong length, letters, a number and extra fields when the body is not just the code', () => {
    for (const bad of [{ code: '48291' }, { code: '4829134' }, { code: '48291O' }, { code: 482913 }, {}, null, 'x', { code: '482913', scope: 'contact' }, { code: '٤٨٢٩١٣' }]) {
      expect(() => parseProofCode(bad)).toThrow(expect.objectContaining({ code: PrivacyErrorCode.InvalidCode, message: expect.stringMatching(/sex siffror/) }));
    }
  });
});

describe('proofCodeFrom', () => {
  it('writes a number below a million as six digits with leading zeros', () => {
    expect(proofCodeFrom(0)).toBe('000000');
    expect(proofCodeFrom(42)).toBe('000042');
    expect(proofCodeFrom(999_999)).toBe('999999');
  });

  it('refuses a number that is not a whole number below a million when misused', () => {
    for (const bad of [-1, 1_000_000, 1.5]) expect(() => proofCodeFrom(bad)).toThrow();
  });
});

describe('proofChannel', () => {
  it('sends the code by e-mail when the booking has an address, also when it has a phone number', () => {
    expect(proofChannel({ email: 'a@example.org', phone: null })).toBe('email');
    expect(proofChannel({ email: 'a@example.org', phone: '0701234567' })).toBe('email');
  });

  it('has no channel when the booking has only a phone number (no SMS yet) or nothing', () => {
    expect(proofChannel({ email: null, phone: '0701234567' })).toBeNull();
    expect(proofChannel({ email: null, phone: null })).toBeNull();
  });
});

describe('judgeProofCode', () => {
  const now = new Date('2026-10-10T10:00:00Z');
  const sent = { codeHash: 'hash', attempts: 0, codeExpiresAt: new Date(now.getTime() + PROOF_CODE_MINUTES * 60_000), grantExpiresAt: null };

  it('grants the contact for 30 minutes when the code is right and in time', () => {
    expect(judgeProofCode(sent, true, now)).toEqual({ kind: 'verified', grantedUntil: new Date('2026-10-10T10:30:00Z') });
  });

  it('counts down the tries when the code is wrong, and the fifth wrong try leaves none', () => {
    expect(judgeProofCode(sent, false, now)).toEqual({ kind: 'wrong', triesLeft: 4 });
    expect(judgeProofCode({ ...sent, attempts: 4 }, false, now)).toEqual({ kind: 'wrong', triesLeft: 0 });
  });

  it('refuses even the right code when five wrong tries have burnt it', () => {
    expect(() => judgeProofCode({ ...sent, codeHash: null, attempts: PROOF_CODE_TRIES }, true, now)).toThrow(expect.objectContaining({ code: PrivacyErrorCode.CodeUsedUp }));
  });

  it('refuses even the right code when its ten minutes are over', () => {
    expect(() => judgeProofCode({ ...sent, codeExpiresAt: now }, true, now)).toThrow(expect.objectContaining({ code: PrivacyErrorCode.CodeExpired, message: expect.stringContaining('10 minuter') }));
  });

  it('says there is no code when none was sent or the code was already used', () => {
    expect(() => judgeProofCode(null, true, now)).toThrow(expect.objectContaining({ code: PrivacyErrorCode.NoCode }));
    expect(() => judgeProofCode({ ...sent, codeHash: null, grantExpiresAt: new Date('2026-10-10T10:20:00Z') }, true, now)).toThrow(
      expect.objectContaining({ code: PrivacyErrorCode.NoCode }),
    );
  });
});

describe('grantActive', () => {
  const now = new Date('2026-10-10T10:00:00Z');

  it('holds until the grant ends, and not from that moment on', () => {
    expect(grantActive({ grantExpiresAt: new Date('2026-10-10T10:00:01Z') }, now)).toBe(true);
    expect(grantActive({ grantExpiresAt: now }, now)).toBe(false);
  });

  it('does not hold without a verified code', () => {
    expect(grantActive({ grantExpiresAt: null }, now)).toBe(false);
    expect(grantActive(null, now)).toBe(false);
  });
});

describe('pendingCode', () => {
  const now = new Date('2026-10-10T10:00:00Z');
  const sent = { codeHash: 'hash', attempts: 2, codeExpiresAt: new Date('2026-10-10T10:05:00Z'), grantExpiresAt: null };

  it('shows a code that can still be typed with its tries left', () => {
    expect(pendingCode(sent, now)).toEqual({ expiresAt: sent.codeExpiresAt, triesLeft: 3 });
  });

  it('shows nothing when the code expired, was burnt or used', () => {
    expect(pendingCode({ ...sent, codeExpiresAt: now }, now)).toBeNull();
    expect(pendingCode({ ...sent, codeHash: null }, now)).toBeNull();
    expect(pendingCode(null, now)).toBeNull();
  });
});
