import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { descriptionOf, getButton, getByLabel, setChecked, settle, type } from '../../../testing/queries';
import { BUILTIN_CATEGORIES } from '../../data/visit-labels';
import { newDraft, type VisitFields } from './visit-draft';
import { VisitForm } from './visit-form';

describe(VisitForm.name, () => {
  let fixture: ComponentFixture<VisitForm>;
  let saved: VisitFields[];

  const setUp = async (seed = newDraft({ cameVia: 'drop-in' }), startedAt: number | null = Date.now() - 12 * 60_000) => {
    TestBed.configureTestingModule({ imports: [VisitForm] });
    fixture = TestBed.createComponent(VisitForm);
    fixture.componentRef.setInput('categories', BUILTIN_CATEGORIES);
    fixture.componentRef.setInput('initial', seed);
    fixture.componentRef.setInput('startedAt', startedAt);
    saved = [];
    fixture.componentInstance.saved.subscribe((v) => saved.push(v));
    await fixture.whenStable();
  };

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const group = (legend: string) =>
    Array.from(page().querySelectorAll('fieldset')).find((f) => text(f.querySelector('legend')) === legend) as HTMLFieldSetElement | undefined;
  const save = async () => {
    getButton(page(), 'Spara besöket').click();
    await settle(fixture);
  };

  it('offers every category as a checkbox in one group, with the booking’s topics already chosen', async () => {
    await setUp(newDraft({ cameVia: 'booked', categories: ['bankid', 'email'], language: 'ar' }));
    const boxes = Array.from(group('Vad gällde besöket?')?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []);
    expect(boxes).toHaveLength(17);
    expect(boxes.filter((b) => b.checked).map((b) => b.parentElement?.textContent?.trim())).toEqual(['BankID och e-legitimation', 'E-post']);
    expect(getByLabel(page(), 'Bokad tid').checked).toBe(true);
    expect(getByLabel<HTMLSelectElement>(page(), 'Språk').value).toBe('ar');
    expect(getByLabel(page(), 'Vet inte').checked).toBe(true);
  });

  it('makes the categories one Tab stop: the arrow keys move between them and Space ticks one', async () => {
    await setUp(newDraft({ cameVia: 'booked', categories: ['email'] }));
    const boxes = Array.from(group('Vad gällde besöket?')?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []);
    expect(boxes.filter((b) => b.tabIndex === 0).map((b) => b.id)).toEqual(['visit-category-email']);
    fixture.componentInstance.focusFirst();
    const key = (name: string) => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    key('ArrowRight');
    expect(document.activeElement?.id).toBe('visit-category-phone-basics');
    key('End');
    expect(document.activeElement?.id).toBe('visit-category-other');
    key('ArrowRight');
    expect(document.activeElement?.id).toBe('visit-category-other');
    key('Home');
    await fixture.whenStable();
    expect(document.activeElement?.id).toBe('visit-category-bankid');
    expect(boxes.filter((b) => b.tabIndex === 0).map((b) => b.id)).toEqual(['visit-category-bankid']);
  });

  it('says what is missing next to the fields and in a summary, and sends nothing', async () => {
    await setUp();
    await save();
    expect(saved).toEqual([]);
    const summary = page().querySelector('dh-error-summary');
    expect(text(summary)).toContain('Vad gällde besöket?: Välj minst ett ämne som besöket gällde.');
    expect(text(summary)).toContain('Hur gick det?: Välj hur det gick.');
    expect(document.activeElement).toBe(summary?.querySelector('.summary'));
    expect(descriptionOf(page(), group('Hur gick det?') as HTMLElement)).toBe('Välj hur det gick.');
  });

  it('asks where the person was referred only when the outcome is “Hänvisad vidare”', async () => {
    await setUp();
    setChecked(getByLabel(page(), 'E-post'), true);
    expect(group('Hänvisad till')).toBeUndefined();
    getByLabel(page(), 'Hänvisad vidare').click();
    await fixture.whenStable();
    expect(group('Hänvisad till')).toBeDefined();
    await save();
    expect(saved).toEqual([]);
    expect(descriptionOf(page(), group('Hänvisad till') as HTMLElement)).toBe('Välj vart du hänvisade personen.');

    getByLabel(group('Hänvisad till') as HTMLElement, 'Skatteverket').click();
    await save();
    expect(saved.at(-1)).toMatchObject({ outcome: 'referred', referredTo: 'skatteverket', categories: ['email'] });

    getByLabel(page(), 'Löst').click();
    await fixture.whenStable();
    expect(group('Hänvisad till')).toBeUndefined();
    await save();
    expect(saved.at(-1)).toMatchObject({ outcome: 'solved', referredTo: null });
  });

  it('fills in the minutes since “Starta besök” until the helper types another number, 1 to 240', async () => {
    await setUp();
    const minutes = getByLabel(page(), 'Tid i minuter');
    expect(minutes.value).toBe('12');
    expect(descriptionOf(page(), minutes)).toMatch(/^Räknas från kl\. \d\d:\d\d, när du startade besöket\./);

    setChecked(getByLabel(page(), 'Dator'), true);
    getByLabel(page(), 'Delvis löst').click();
    type(minutes, '241');
    await save();
    expect(saved).toEqual([]);
    expect(descriptionOf(page(), minutes)).toContain('Skriv hur många minuter besöket tog, från 1 till 240.');
    type(minutes, '0');
    await save();
    expect(saved).toEqual([]);
    type(minutes, '25');
    await save();
    expect(saved).toEqual([
      {
        categories: ['computer-basics'],
        civicInformation: false,
        device: 'own-phone',
        language: 'sv',
        durationMinutes: 25,
        outcome: 'partly',
        referredTo: null,
        cameVia: 'drop-in',
        returning: 'unknown',
        note: null,
      },
    ]);
  });

  it('warns not to write names, identity numbers or health details, and refuses an identity number', async () => {
    await setUp();
    const note = getByLabel<HTMLTextAreaElement>(page(), 'Anteckning (frivillig)');
    expect(descriptionOf(page(), note)).toContain('Skriv inte namn, personnummer eller hälsouppgifter.');
    setChecked(getByLabel(page(), 'E-post'), true);
    getByLabel(page(), 'Löst').click();
    type(note, 'Kom med 19850412-1234, ville byta lösenord');
    await save();
    expect(saved).toEqual([]);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), note)).toContain('Ta bort personnumret.');
    type(note, '  Vill ha hjälp med Kivra nästa gång  ');
    await save();
    expect(saved.at(-1)?.note).toBe('Vill ha hjälp med Kivra nästa gång');
  });

  it('saves with Enter from a choice, as from a text field', async () => {
    await setUp();
    setChecked(getByLabel(page(), 'Skatteverket'), true);
    const solved = getByLabel(page(), 'Löst');
    solved.click();
    solved.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(fixture);
    expect(saved.map((s) => [s.categories, s.outcome])).toEqual([[['skatteverket'], 'solved']]);
  });

  it('ticks the civic-information question when that topic is chosen', async () => {
    await setUp();
    setChecked(getByLabel(page(), 'Samhällsinformation'), true);
    await fixture.whenStable();
    expect(getByLabel(page(), /^Vi pratade om samhällsinformation/).checked).toBe(true);
  });

  it('shows the API’s field messages, e.g. after a refused queued visit', async () => {
    await setUp(newDraft({ cameVia: 'drop-in', categories: ['email'] }), null);
    fixture.componentRef.setInput('serverError', { status: 400, code: 'INVALID_VISIT', message: 'Besöket behöver rättas.', fields: { categories: 'Kategorin finns inte längre.' } });
    await fixture.whenStable();
    expect(text(page().querySelector('dh-error-summary'))).toContain('Besöket behöver rättas.');
    expect(descriptionOf(page(), group('Vad gällde besöket?') as HTMLElement)).toContain('Kategorin finns inte längre.');
  });
});
