import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { C11, C21, MODULE_ID, aModule } from '../../testing/ocn';
import { ModuleEditorPage } from './module-editor-page';

describe(ModuleEditorPage.name, () => {
  let fixture: ComponentFixture<ModuleEditorPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function open(moduleId?: string): Promise<void> {
    polyfillDialog();
    TestBed.configureTestingModule({ imports: [ModuleEditorPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(ModuleEditorPage);
    if (moduleId) fixture.componentRef.setInput('moduleId', moduleId);
    fixture.detectChanges();
    http.expectOne('/api/ocn/modules').flush([aModule()]);
    await settle(fixture);
  }

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const labels = () => Array.from(page().querySelectorAll('.criterion label')).map(text);
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('shows the module with its outcomes and numbered criteria', async () => {
    await open(MODULE_ID);
    expect(text(page().querySelector('h1'))).toBe('Ändra Digital vägledning för andra');
    expect(getByLabel(page(), 'Modulens namn').value).toBe('Digital vägledning för andra');
    expect(getByLabel(page(), 'Nivå 2').checked).toBe(true);
    expect(getByLabel(page(), 'Poäng').value).toBe('3');
    expect(text(page())).toContain('1 poäng = 10 timmar. Modulen motsvarar 30 timmar.');
    expect(Array.from(page().querySelectorAll('legend')).map(text)).toEqual(['Nivå', 'Läranderesultat 1', 'Läranderesultat 2']);
    expect(labels()).toEqual(['Kriterium 1.1', 'Kriterium 1.2', 'Kriterium 2.1']);
    expect(getByLabel(page(), 'Vad ska digivärden kunna? (läranderesultat 2)').value).toBe('Kunna hänvisa vidare');
  });

  it('adds rows, asks before removing one with text, and saves with the criteria’s ids kept', async () => {
    await open(MODULE_ID);
    getButton(page(), /Lägg till kriterium under läranderesultat 2$/).click();
    await settle(fixture);
    expect(labels()).toEqual(['Kriterium 1.1', 'Kriterium 1.2', 'Kriterium 2.1', 'Kriterium 2.2']);
    expect(document.activeElement).toBe(getByLabel(page(), 'Kriterium 2.2'));
    type(getByLabel(page(), 'Kriterium 2.2'), 'Ringa åt personen om det behövs.');

    getButton(page(), 'Ta bort kriterium 1.2').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open] h2'))).toBe('Ta bort kriterium 1.2?');
    dialogButton(page(), 'Nej, behåll det').click();
    await settle(fixture);
    expect(labels()).toHaveLength(4);
    getButton(page(), 'Ta bort kriterium 1.2').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, ta bort kriteriet').click();
    await settle(fixture);
    expect(labels()).toEqual(['Kriterium 1.1', 'Kriterium 2.1', 'Kriterium 2.2']);

    type(getByLabel(page(), 'Kriterium 1.1'), 'Fråga och lyssna.');
    getButton(page(), 'Spara modulen').click();
    await turn();
    const req = http.expectOne({ method: 'PUT', url: `/api/ocn/modules/${MODULE_ID}` });
    expect(req.request.body).toEqual({
      title: 'Digital vägledning för andra',
      level: 2,
      credits: 3,
      outcomes: [
        { text: 'Kunna hjälpa en annan person att använda digitala tjänster', criteria: [{ id: C11, text: 'Fråga och lyssna.' }] },
        { text: 'Kunna hänvisa vidare', criteria: [{ id: C21, text: 'Berätta var personen kan få hjälp.' }, { text: 'Ringa åt personen om det behövs.' }] },
      ],
    });
    req.flush(aModule());
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/samordnare/ocn', { state: { savedModule: 'Digital vägledning för andra' } });
  });

  it('shows why a criterion with evidence cannot be removed', async () => {
    await open(MODULE_ID);
    getButton(page(), 'Ta bort kriterium 1.2').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, ta bort kriteriet').click();
    await settle(fixture);
    getButton(page(), 'Spara modulen').click();
    await turn();
    const message = 'Ett kriterium som har bevis eller en bedömning kan inte tas bort. Ändra texten i stället.';
    http.expectOne(`/api/ocn/modules/${MODULE_ID}`).flush({ code: 'CRITERION_IN_USE', message }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(text(page().querySelector('dh-error-summary'))).toBe(message);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('makes a new module, after saying what is missing', async () => {
    await open();
    expect(text(page().querySelector('h1'))).toBe('Ny modul');
    getButton(page(), 'Spara modulen').click();
    await settle(fixture);
    expect(Array.from(page().querySelectorAll('dh-error-summary a')).map(text)).toEqual([
      'Modulens namn: Skriv modulens namn (3–160 tecken).',
      'Nivå: Välj nivå 1, 2 eller 3.',
      'Poäng: Skriv antal poäng som ett heltal mellan 1 och 60.',
      'Läranderesultat 1: Skriv läranderesultat 1.',
      'Kriterium 1.1: Skriv kriterium 1.1.',
    ]);
    http.expectNone('/api/ocn/modules');

    type(getByLabel(page(), 'Modulens namn'), 'Samhällsinformation');
    getByLabel(page(), 'Nivå 1').click();
    type(getByLabel(page(), 'Poäng'), '2');
    type(getByLabel(page(), 'Vad ska digivärden kunna? (läranderesultat 1)'), 'Kunna hitta rätt myndighet');
    type(getByLabel(page(), 'Kriterium 1.1'), 'Visa var man hittar 1177 och Försäkringskassan.');
    getButton(page(), /Lägg till läranderesultat$/).click();
    await settle(fixture);
    expect(document.activeElement).toBe(getByLabel(page(), 'Vad ska digivärden kunna? (läranderesultat 2)'));
    // An empty outcome goes without a question.
    getButton(page(), 'Ta bort läranderesultat 2').click();
    await settle(fixture);
    expect(page().querySelector('dialog[open]')).toBeNull();
    getButton(page(), 'Spara modulen').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: '/api/ocn/modules' });
    expect(req.request.body).toEqual({
      title: 'Samhällsinformation',
      level: 1,
      credits: 2,
      outcomes: [{ text: 'Kunna hitta rätt myndighet', criteria: [{ text: 'Visa var man hittar 1177 och Försäkringskassan.' }] }],
    });
    req.flush({ ...aModule(), id: 'new', title: 'Samhällsinformation' }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/samordnare/ocn', { state: { savedModule: 'Samhällsinformation' } });
  });
});
