import { EMPTY_DRAFT, firstIncompleteStep, stepFrom, stepOfField, toRequest } from './booking-draft';

describe(toRequest.name, () => {
  const draft = { ...EMPTY_DRAFT, name: ' Amina ', topics: ['bankid' as const] };

  it('sends empty optional fields as null and the page’s language unless one was chosen', () => {
    expect(toRequest({ ...draft, email: '  ', phone: '', needs: ' ' }, 'slot-a', 'ar', null)).toEqual({
      slotId: 'slot-a',
      name: 'Amina',
      email: null,
      phone: null,
      language: 'ar',
      topics: ['bankid'],
      ownDevice: null,
      needs: null,
      ref: null,
      website: '',
    });
    expect(toRequest({ ...draft, language: 'en' }, 'slot-a', 'ar', null).language).toBe('en');
  });

  it('maps own device yes / no / not sure to true / false / null', () => {
    expect(toRequest({ ...draft, ownDevice: 'yes' }, 's', 'sv', null).ownDevice).toBe(true);
    expect(toRequest({ ...draft, ownDevice: 'no' }, 's', 'sv', null).ownDevice).toBe(false);
    expect(toRequest({ ...draft, ownDevice: 'unsure' }, 's', 'sv', null).ownDevice).toBeNull();
  });

  it('drops a referral code longer than the API accepts rather than stopping the booking', () => {
    expect(toRequest(draft, 's', 'sv', ' KC-12 ').ref).toBe('KC-12');
    expect(toRequest(draft, 's', 'sv', 'x'.repeat(41)).ref).toBeNull();
  });
});

describe(firstIncompleteStep.name, () => {
  it('is the first screen with something missing', () => {
    expect(firstIncompleteStep(EMPTY_DRAFT, null)).toBe(1);
    expect(firstIncompleteStep(EMPTY_DRAFT, 'slot-a')).toBe(2);
    expect(firstIncompleteStep({ ...EMPTY_DRAFT, topics: ['email'] }, 'slot-a')).toBe(3);
    expect(firstIncompleteStep({ ...EMPTY_DRAFT, topics: ['email'], name: 'Amina' }, 'slot-a')).toBe(4);
  });
});

describe(stepFrom.name, () => {
  it('reads ?steg= and falls back to the first screen for anything odd', () => {
    expect(stepFrom('3')).toBe(3);
    expect(stepFrom('9')).toBe(1);
    expect(stepFrom('två')).toBe(1);
    expect(stepFrom(undefined)).toBe(1);
  });
});

describe(stepOfField.name, () => {
  it('finds the screen that asks for a field; unknown fields land on the last', () => {
    expect(stepOfField('slotId')).toBe(1);
    expect(stepOfField('topics')).toBe(2);
    expect(stepOfField('phone')).toBe(3);
    expect(stepOfField('website')).toBe(4);
  });
});
