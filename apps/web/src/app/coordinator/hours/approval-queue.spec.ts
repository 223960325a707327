import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { anHoursEntry } from '../../testing/ocn';
import { aPage } from '../helpers/helper-testing';
import { ApprovalQueue } from './approval-queue';

const training = anHoursEntry({ date: '2030-03-04', minutes: 120, activity: 'training', reflection: 'Kurs om BankID.' });
const meeting = anHoursEntry({ helperName: 'Maria Johansson', organisationName: 'RSMH', date: '2030-03-06', minutes: 45, activity: 'meeting' });
const forgotten = anHoursEntry({ date: '2030-03-05', minutes: 240, activity: 'session', flagged: true });

describe(ApprovalQueue.name, () => {
  let fixture: ComponentFixture<ApprovalQueue>;
  let http: HttpTestingController;

  beforeEach(async () => {
    polyfillDialog();
    TestBed.configureTestingModule({ imports: [ApprovalQueue], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApprovalQueue);
    fixture.detectChanges();
    // The API sends flagged entries first; the page keeps them first whatever the order.
    pending(1).flush(aPage([training, forgotten, meeting], { pageSize: 100 }));
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const pending = (n: number) => http.expectOne((r) => r.url === '/api/hours/pending' && r.params.get('page') === String(n));
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const rows = () => Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).slice(1).map(text));
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('lists the waiting hours, the ones to check first, in words', () => {
    expect(text(page().querySelector('h2'))).toBe('Väntar på godkännande 3');
    expect(text(page().querySelector('.waiting'))).toBe('3 tidrapporter väntar');
    expect(page().querySelector('nav[aria-label="Sidor med tid som väntar"]')).toBeNull();
    expect(rows()).toEqual([
      ['Yusuf AhmadiFontänhuset', 'tis 5 mars 2030', 'Pass på en träff', '4 timmar', 'Kontrollera: utcheckning saknadesPasset avslutades av sig självt när träffen slutade.'],
      ['Yusuf AhmadiFontänhuset', 'mån 4 mars 2030', 'Utbildning Kurs om BankID.', '2 timmar', ''],
      ['Maria JohanssonRSMH', 'ons 6 mars 2030', 'Möte', '45 minuter', ''],
    ]);
    expect(getByLabel(page(), 'Yusuf Ahmadi, tis 5 mars 2030, Pass på en träff, 4 timmar').type).toBe('checkbox');
  });

  it('asks for a choice before deciding', async () => {
    getButton(page(), 'Godkänn valda').click();
    await settle(fixture);
    expect(text(page().querySelector('#queue-error'))).toBe('Välj minst en tidrapport först, med rutorna i listan.');
    http.expectNone('/api/hours/decisions');
  });

  it('chooses all at once and approves them together', async () => {
    const all = getByLabel(page(), 'Välj alla (3)');
    getByLabel(page(), /^Maria Johansson/).click();
    await settle(fixture);
    expect(all.indeterminate).toBe(true);
    expect(text(page().querySelector('.chosen'))).toBe('1 tidrapport vald');
    all.click();
    await settle(fixture);
    expect(all.checked).toBe(true);
    getButton(page(), 'Godkänn 3 tidrapporter').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: '/api/hours/decisions' });
    expect(req.request.body).toEqual({ ids: [forgotten.id, training.id, meeting.id], decision: 'approved' });
    req.flush({ decided: 3 }, { status: 201, statusText: 'Created' });
    await turn();
    expect(text(page().querySelector('[role=status]'))).toBe('3 tidrapporter är godkända.');
    // The queue is fetched again, so entries from later pages move up.
    pending(1).flush(aPage([], { pageSize: 100 }));
    await settle(fixture);
    expect(text(page())).toContain('Ingen tid väntar på godkännande.');
    expect(document.activeElement?.id).toBe('queue-heading');
  });

  it('rejects with a reason the helper will see', async () => {
    getByLabel(page(), /^Yusuf Ahmadi, mån 4 mars 2030/).click();
    await settle(fixture);
    getButton(page(), 'Avslå 1 tidrapport').click();
    await settle(fixture);
    const dialog = page().querySelector('dialog[open]') as HTMLElement;
    expect(text(dialog.querySelector('h2'))).toBe('Avslå 1 tidrapport');
    dialogButton(page(), 'Avslå tiden').click();
    await settle(fixture);
    expect(text(dialog.querySelector('.dh-field-error'))).toBe('Skriv varför tiden inte godkänns, så att digivärden förstår.');
    http.expectNone('/api/hours/decisions');

    type(getByLabel(dialog, 'Varför godkänns inte tiden?'), ' Kursen var på fritiden. ');
    dialogButton(page(), 'Avslå tiden').click();
    await turn();
    const req = http.expectOne('/api/hours/decisions');
    expect(req.request.body).toEqual({ ids: [training.id], decision: 'rejected', reason: 'Kursen var på fritiden.' });
    req.flush({ decided: 1 });
    await turn();
    expect(page().querySelector('dialog[open]')).toBeNull();
    expect(text(page().querySelector('[role=status]'))).toBe('1 tidrapport är avslagen.');
    expect(rows()).toHaveLength(2);
    pending(1).flush(aPage([forgotten, meeting], { pageSize: 100 }));
    await settle(fixture);
    expect(rows()).toHaveLength(2);
  });

  it('changes nothing when one of them cannot be decided, and says why', async () => {
    getByLabel(page(), 'Välj alla (3)').click();
    await settle(fixture);
    getButton(page(), 'Godkänn 3 tidrapporter').click();
    await turn();
    const message = 'Du kan inte godkänna din egen tid. Be en annan samordnare.';
    http.expectOne('/api/hours/decisions').flush({ code: 'SELF_APPROVAL', message }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    expect(text(page().querySelector('#queue-error'))).toBe(`Ingen av tidrapporterna är ändrad. ${message}`);
    expect(document.activeElement?.id).toBe('queue-error');
    expect(rows()).toHaveLength(3);
  });

  describe('with more than one page', () => {
    const later = anHoursEntry({ helperName: 'Ali Hassan', date: '2030-03-07', minutes: 60, activity: 'preparation' });

    beforeEach(async () => {
      fixture.destroy();
      fixture = TestBed.createComponent(ApprovalQueue);
      fixture.detectChanges();
      pending(1).flush(aPage([forgotten, training, meeting], { pageSize: 3, total: 4 }));
      await settle(fixture);
    });

    it('says how many wait in all, and which are shown', () => {
      expect(text(page().querySelector('h2'))).toBe('Väntar på godkännande 4');
      expect(text(page().querySelector('.waiting'))).toBe('4 tidrapporter väntar – här visas 1–3, sida 1 av 2.');
      expect(getByLabel(page(), 'Välj alla på sidan (3)').type).toBe('checkbox');
    });

    it('has nothing chosen when coming back to a page', async () => {
      getByLabel(page(), 'Välj alla på sidan (3)').click();
      await settle(fixture);
      getButton(page(), 'Nästa sida').click();
      await turn();
      pending(2).flush(aPage([later], { page: 2, pageSize: 3, total: 4 }));
      await settle(fixture);
      getButton(page(), 'Föregående sida').click();
      await turn();
      pending(1).flush(aPage([forgotten, training, meeting], { pageSize: 3, total: 4 }));
      await settle(fixture);
      expect(text(page().querySelector('.chosen'))).toBe('Inga valda');
      expect(getByLabel(page(), 'Välj alla på sidan (3)').checked).toBe(false);
    });

    it('lets go of the choice when the page changes, so nothing unseen is decided', async () => {
      getByLabel(page(), 'Välj alla på sidan (3)').click();
      await settle(fixture);
      expect(text(page().querySelector('.chosen'))).toBe('3 tidrapporter valda');
      getButton(page(), 'Nästa sida').click();
      await turn();
      pending(2).flush(aPage([later], { page: 2, pageSize: 3, total: 4 }));
      await settle(fixture);
      expect(rows().map((r) => r[0])).toEqual(['Ali HassanFontänhuset']);
      expect(text(page().querySelector('.waiting'))).toBe('4 tidrapporter väntar – här visas 4–4, sida 2 av 2.');
      expect(text(page().querySelector('.chosen'))).toBe('Inga valda');
      expect(document.activeElement?.id).toBe('queue-heading');

      getByLabel(page(), 'Välj alla på sidan (1)').click();
      await settle(fixture);
      getButton(page(), 'Godkänn 1 tidrapport').click();
      await turn();
      const req = http.expectOne('/api/hours/decisions');
      expect(req.request.body).toEqual({ ids: [later.id], decision: 'approved' });
      req.flush({ decided: 1 });
      await turn();
      // The last page is empty now: go back to the page before it.
      pending(2).flush(aPage([], { page: 2, pageSize: 3, total: 3 }));
      await turn();
      pending(1).flush(aPage([forgotten, training, meeting], { pageSize: 3, total: 3 }));
      await settle(fixture);
      expect(rows()).toHaveLength(3);
      expect(text(page().querySelector('h2'))).toBe('Väntar på godkännande 3');
    });
  });
});
