import { PrivacyError, PrivacyErrorCode } from './privacy.errors';
import { parseReference, retentionCutoff } from './privacy.rules';

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
