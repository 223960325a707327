import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { anHoursEntry } from '../../testing/ocn';
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
    http.expectOne('/api/hours/pending').flush([training, forgotten, meeting]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const rows = () => Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).slice(1).map(text));
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('lists the waiting hours, the ones to check first, in words', () => {
    expect(text(page().querySelector('h2'))).toBe('Väntar på godkännande 3');
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
    await settle(fixture);
    expect(text(page().querySelector('[role=status]'))).toBe('3 tidrapporter är godkända.');
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
    await settle(fixture);
    expect(page().querySelector('dialog[open]')).toBeNull();
    expect(text(page().querySelector('[role=status]'))).toBe('1 tidrapport är avslagen.');
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
});
