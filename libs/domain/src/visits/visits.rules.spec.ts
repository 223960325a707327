import { aVisitInput } from '../testing';
import { VisitError, VisitErrorCode } from './visits.errors';
import { assertCanLogVisit, closeShift, looksLikeIdentityNumber, parseSessionReport, parseVisitInput } from './visits.rules';

const categories = new Set(['bankid', 'email', 'other', 'custom-printer-help']);
const fieldsOf = (run: () => unknown): Record<string, string> => {
  try {
    run();
  } catch (e) {
    if (e instanceof VisitError) return { ...e.fields };
    throw e;
  }
  throw new Error('expected a VisitError');
};

describe('parseVisitInput', () => {
  it('accepts a complete visit and tidies the note when it is blank', () => {
    const visit = parseVisitInput(aVisitInput({ note: '   ', categories: ['bankid', 'bankid', 'custom-printer-help'] }), categories);
    expect(visit).toMatchObject({ note: null, categories: ['bankid', 'custom-printer-help'] });
  });

  it('asks where the person was referred when the outcome is referred, and only then', () => {
    expect(fieldsOf(() => parseVisitInput(aVisitInput({ outcome: 'referred' }), categories))).toHaveProperty('referredTo');
    expect(fieldsOf(() => parseVisitInput(aVisitInput({ outcome: 'solved', referredTo: 'amf' }), categories))).toHaveProperty('referredTo');
    expect(parseVisitInput(aVisitInput({ outcome: 'referred', referredTo: 'amf' }), categories).referredTo).toBe('amf');
  });

  it('refuses unknown categories, absurd durations and missing answers, all at once', () => {
    const fields = fieldsOf(() =>
      parseVisitInput({ ...aVisitInput({ categories: ['hacking'], durationMinutes: 600 }), device: 'tv', returning: undefined }, categories),
    );
    expect(Object.keys(fields).sort()).toEqual(['categories', 'device', 'durationMinutes', 'returning']);
  });

  it('refuses zero, negative and fractional durations', () => {
    for (const durationMinutes of [0, -5, 2.5]) expect(fieldsOf(() => parseVisitInput(aVisitInput({ durationMinutes }), categories))).toHaveProperty('durationMinutes');
  });

  it('refuses a note that holds a personal identity number', () => {
    expect(fieldsOf(() => parseVisitInput(aVisitInput({ note: 'Hjälpte 850709-1234 med BankID' }), categories))['note']).toMatch(/personnummer/);
  });

  it('refuses bodies of the wrong shape with a visit error, never a crash', () => {
    for (const body of [null, [], 'x', 7, { clientId: 'nope' }]) expect(() => parseVisitInput(body, categories)).toThrow(expect.objectContaining({ code: VisitErrorCode.InvalidVisit }));
  });
});

describe('looksLikeIdentityNumber', () => {
  it.each(['19850709-1234', '850709-1234', '8507091234', '198507091234', '850709+1234'])('finds %s', (text) => expect(looksLikeIdentityNumber(`x ${text} y`)).toBe(true));
  it.each(['070-123 45 67', 'Skatteverket 2026', '1177', 'BankID kod 123456'])('leaves %s alone', (text) => expect(looksLikeIdentityNumber(text)).toBe(false));
});

describe('assertCanLogVisit', () => {
  const start = new Date('2027-03-30T08:00:00Z');
  const now = new Date('2027-03-30T07:45:00Z');
  it('allows a helper on the session from half an hour before the start', () => expect(() => assertCanLogVisit({ start, status: 'planned' }, true, now)).not.toThrow());
  it('refuses a helper who is not on the session', () => {
    expect(() => assertCanLogVisit({ start, status: 'planned' }, false, now)).toThrow(expect.objectContaining({ code: VisitErrorCode.NotOnSession }));
  });
  it('refuses a session that has not started (a future date)', () => {
    expect(() => assertCanLogVisit({ start: new Date('2027-04-06T08:00:00Z'), status: 'planned' }, true, now)).toThrow(expect.objectContaining({ code: VisitErrorCode.SessionNotStarted }));
  });
  it('refuses a cancelled session', () => {
    expect(() => assertCanLogVisit({ start, status: 'cancelled' }, true, now)).toThrow(expect.objectContaining({ code: VisitErrorCode.SessionCancelled }));
  });
});

describe('closeShift', () => {
  const checkIn = new Date('2027-03-30T07:55:00Z');
  const sessionEnd = new Date('2027-03-30T10:00:00Z');
  it('counts the minutes to the check-out', () => {
    expect(closeShift(checkIn, new Date('2027-03-30T10:10:00Z'), sessionEnd)).toEqual({ end: new Date('2027-03-30T10:10:00Z'), minutes: 135, flagged: false });
  });
  it('caps a check-out the next day at 12 hours and flags it', () => {
    expect(closeShift(checkIn, new Date('2027-03-31T09:00:00Z'), sessionEnd)).toMatchObject({ minutes: 720, flagged: true });
  });
  it('closes a forgotten check-out at the session end and flags it', () => {
    expect(closeShift(checkIn, null, sessionEnd)).toEqual({ end: sessionEnd, minutes: 125, flagged: true });
  });
});

describe('parseSessionReport', () => {
  it('keeps the counts, the equipment problems and the notes', () => {
    const report = parseSessionReport({ booked: 4, checkedIn: 3, noShows: 1, dropIns: 2, visits: 5, equipment: [{ kind: 'wifi', note: ' Nätet föll bort ' }], notes: '' });
    expect(report).toEqual({ booked: 4, checkedIn: 3, noShows: 1, dropIns: 2, visits: 5, equipment: [{ kind: 'wifi', note: 'Nätet föll bort' }], notes: null });
  });
  it('refuses negative counts and unknown equipment', () => {
    expect(Object.keys(fieldsOf(() => parseSessionReport({ booked: -1, checkedIn: 0, noShows: 0, dropIns: 0, visits: 0, equipment: [{ kind: 'toaster', note: '' }] }))).sort()).toEqual(['booked', 'equipment']);
  });
});
