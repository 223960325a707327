import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClosureView } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { ClosuresPage } from './closures-page';

const SITE = aSite({ id: '0c000000-0000-4000-8000-000000000001', name: 'Stadsbiblioteket' });

function aClosure(overrides: Partial<ClosureView> = {}): ClosureView {
  return {
    id: 'c0000000-0000-4000-8000-000000000001',
    siteId: null,
    siteName: null,
    from: '2030-12-24',
    to: '2031-01-06',
    reason: 'Jul och nyår',
    sessionsCancelled: 12,
    createdAt: '2030-11-01T10:00:00.000Z',
    createdBy: 'Sara Samordnare',
    started: false,
    past: false,
    ...overrides,
  };
}

describe(ClosuresPage.name, () => {
  let fixture: ComponentFixture<ClosuresPage>;
  let http: HttpTestingController;

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function open(closures: ClosureView[] = []): Promise<void> {
    polyfillDialog();
    TestBed.configureTestingModule({ imports: [ClosuresPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClosuresPage);
    fixture.detectChanges();
    http.expectOne('/api/closures').flush(closures);
    http.expectOne('/api/sites').flush([SITE]);
    http.expectOne('/api/closures/holiday-sessions').flush([]);
    await tick();
    http.expectOne(`/api/sites/${SITE.id}/holidays`).flush([{ date: '2030-12-24', name: 'julafton', opened: false }]);
    await settle(fixture);
  }

  /** Lets a response's follow-ups start (a reload is a new request: the fixture is not stable until it is answered). */
  async function tick(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  afterEach(() => http.verify());

  async function fill(): Promise<void> {
    type(getByLabel(page(), 'Första dagen'), '2030-12-24');
    type(getByLabel(page(), 'Sista dagen'), '2031-01-06');
    type(getByLabel<HTMLTextAreaElement>(page(), 'Varför är det stängt?'), 'Jul och nyår');
    getButton(page(), 'Visa vad som ställs in').click();
    await settle(fixture);
  }

  it('shows what a closure of every library cancels, and closes only after the coordinator confirms', async () => {
    await open();
    await fill();
    const preview = http.expectOne('/api/closures/preview');
    expect(preview.request.body).toEqual({ siteId: null, from: '2030-12-24', to: '2031-01-06', reason: 'Jul och nyår' });
    preview.flush({ sessions: 12, bookings: 4, shifts: 2 });
    await settle(fixture);
    expect(text(page())).toContain('12 träffar ställs in. 4 bokningar avbokas, och de som har bokat får ett meddelande med skälet. Digivärdarna på 2 pass får också ett meddelande.');

    getButton(page(), 'Stäng alla bibliotek 24 dec. 2030–6 jan. 2031').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open] h2'))).toBe('Stänga alla bibliotek 24 dec. 2030–6 jan. 2031?');
    dialogButton(page(), 'Nej, vänta').click();
    await settle(fixture);
    http.expectNone('/api/closures');

    getButton(page(), 'Stäng alla bibliotek 24 dec. 2030–6 jan. 2031').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, stäng').click();
    await settle(fixture);
    const close = http.expectOne({ method: 'POST', url: '/api/closures' });
    expect(close.request.body).toEqual({ siteId: null, from: '2030-12-24', to: '2031-01-06', reason: 'Jul och nyår' });
    close.flush({ closure: aClosure(), cancelled: { sessions: 12, bookings: 4, shifts: 2 } });
    await tick();
    http.expectOne('/api/closures').flush([aClosure()]);
    await settle(fixture);
    expect(text(page().querySelector('[role="status"]'))).toBe('Alla bibliotek är stängda 24 dec. 2030–6 jan. 2031. 12 träffar ställdes in. 4 bokningar avbokades och personerna får ett meddelande.');
    expect(text(page().querySelector('.closure h3'))).toBe('Alla bibliotek: 24 dec. 2030–6 jan. 2031');
  });

  it('names the field to fix when the API refuses the closure, and a change takes the preview away', async () => {
    await open();
    getByLabel<HTMLSelectElement>(page(), 'Bibliotek').value = SITE.id;
    getByLabel<HTMLSelectElement>(page(), 'Bibliotek').dispatchEvent(new Event('change'));
    await fill();
    http
      .expectOne('/api/closures/preview')
      .flush({ code: 'INVALID_CLOSURE', message: 'Några uppgifter behöver rättas.', fields: { to: 'Sista dagen kan inte vara före första dagen.' } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Sista dagen'))).toContain('Sista dagen kan inte vara före första dagen.');
    expect(page().querySelector('.preview')).toBeNull();
  });

  it('lifts a coming closure after asking, and says a started one can no longer be lifted', async () => {
    await open([
      aClosure(),
      aClosure({ id: 'c0000000-0000-4000-8000-000000000002', siteId: SITE.id, siteName: 'Stadsbiblioteket', from: '2030-11-01', to: '2030-11-30', reason: 'Renovering', started: true }),
      aClosure({ id: 'c0000000-0000-4000-8000-000000000003', from: '2030-06-01', to: '2030-06-02', reason: 'Flytt', started: true, past: true }),
    ]);
    expect(text(page())).toContain('Har börjat och kan inte hävas.');
    expect(text(page().querySelector('details summary'))).toBe('Tidigare stängningar (1)');

    getButton(page(), /^Häv stängningen/).click();
    await settle(fixture);
    dialogButton(page(), 'Ja, häv stängningen').click();
    await settle(fixture);
    const lift = http.expectOne('/api/closures/c0000000-0000-4000-8000-000000000001');
    expect(lift.request.method).toBe('DELETE');
    lift.flush(null, { status: 204, statusText: 'No Content' });
    await tick();
    http.expectOne('/api/closures').flush([]);
    await settle(fixture);
    expect(text(page().querySelector('[role="status"]'))).toContain('är hävd. Träffarna läggs in igen enligt schemat.');
    expect(text(page())).toContain('Inga bibliotek är stängda just nu');
  });

  it('keeps a library open on a holiday', async () => {
    await open();
    expect(getByLabel<HTMLSelectElement>(page(), 'Visa helgdagarna för').value).toBe(SITE.id);
    getButton(page(), 'Håll öppet julafton').click();
    await settle(fixture);
    const put = http.expectOne(`/api/sites/${SITE.id}/opened-dates/2030-12-24`);
    expect(put.request.method).toBe('PUT');
    put.flush(null, { status: 204, statusText: 'No Content' });
    await tick();
    http.expectOne(`/api/sites/${SITE.id}/holidays`).flush([{ date: '2030-12-24', name: 'julafton', opened: true }]);
    http.expectOne('/api/closures/holiday-sessions').flush([]);
    await settle(fixture);
    expect(text(page())).toContain('Stadsbiblioteket har öppet julafton');
    expect(getButton(page(), 'Stäng igen julafton')).toBeTruthy();
  });
});
