import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { descriptionOf, getButton, getByLabel, settle, type } from '../testing/queries';
import { KOMPETENSCENTER_ID, aFunnel } from './partner-test-data';
import { ReferralFunnel } from './referral-funnel';

const URL = `/api/partners/${KOMPETENSCENTER_ID}/funnel`;

describe(ReferralFunnel.name, () => {
  let fixture: ComponentFixture<ReferralFunnel>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ReferralFunnel], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReferralFunnel);
    fixture.componentRef.setInput('partnerId', KOMPETENSCENTER_ID);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined = page()) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const bars = (figure: number) =>
    Array.from(page().querySelectorAll('figure')[figure]?.querySelectorAll('li') ?? []).map((li) => [
      text(li.querySelector('.label'))
        .replace(text(li.querySelector('.label .dh-hint')), '')
        .trim(),
      text(li.querySelector('.value')),
    ]);
  /** A request is on its way: the fixture is not stable until it is answered. */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const show = async () => {
    getButton(page(), 'Visa siffrorna för perioden').click();
    await turn();
  };

  it('asks for the API’s default period first and puts it in the date fields', async () => {
    const req = http.expectOne((r) => r.url === URL);
    expect(req.request.params.keys()).toEqual([]);
    req.flush(aFunnel());
    await settle(fixture);

    expect(getByLabel(page(), 'Från och med').value).toBe('2025-12-05');
    expect(getByLabel(page(), 'Till och med').value).toBe('2026-03-04');
    expect(text(page().querySelector('.shown'))).toBe('Kompetenscenter, 5 december 2025–4 mars 2026');
    expect(text()).toContain('Av 12 som bokade kom 9.');
  });

  it('shows referred → booked → came and the outcomes as bars with their numbers in text, and in a table', async () => {
    http.expectOne((r) => r.url === URL).flush(aFunnel());
    await settle(fixture);

    expect(bars(0)).toEqual([
      ['Hänvisade', '24'],
      ['Bokade', '12'],
      ['Kom', '9'],
    ]);
    expect(text(page().querySelector('figure li .dh-hint'))).toBe('öppnade bokningssidan från er länk eller lapp, eller fick en tid bokad av er');
    const shares = Array.from(page().querySelectorAll<HTMLElement>('figure:first-of-type .bar')).map((b) => b.style.getPropertyValue('--share'));
    expect(shares).toEqual(['1', '0.5', '0.375']);
    expect(bars(1)).toEqual([
      ['Löst', '6'],
      ['Delvis löst', 'färre än 5'],
      ['Behöver följas upp', '0'],
      ['Hänvisad vidare', '0'],
    ]);
    expect(page().querySelectorAll('.bar.hidden-count')).toHaveLength(1);

    const rows = Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => text(c)));
    expect(rows.slice(0, 4)).toEqual([
      ['Hänvisade', '24'],
      ['Bokade', '12'],
      ['Kom', '9'],
      ['Kom – löst', '6'],
    ]);
    expect(rows[4]).toEqual(['Kom – delvis löst', 'färre än 5']);
  });

  it('says that small numbers are hidden to protect people, and does not compare hidden numbers', async () => {
    http.expectOne((r) => r.url === URL).flush(aFunnel({ referred: 7, booked: 5, came: null, outcomes: [{ key: 'solved', label: 'Löst', count: null }] }));
    await settle(fixture);

    expect(bars(0)).toEqual([
      ['Hänvisade', '7'],
      ['Bokade', '5'],
      ['Kom', 'färre än 5'],
    ]);
    expect(text()).toContain('Färre än 5 betyder 1, 2, 3 eller 4. Så små tal visar vi inte, och alla andra tal är avrundade till närmaste 5-tal.');
    expect(text()).not.toContain('som bokade kom');
  });

  it('asks for the chosen period', async () => {
    http.expectOne((r) => r.url === URL).flush(aFunnel());
    await settle(fixture);

    type(getByLabel(page(), 'Från och med'), '2026-01-01');
    type(getByLabel(page(), 'Till och med'), '2026-01-31');
    await show();
    const req = http.expectOne((r) => r.url === URL);
    expect(req.request.params.get('from')).toBe('2026-01-01');
    expect(req.request.params.get('to')).toBe('2026-01-31');
    req.flush(aFunnel({ from: '2026-01-01', to: '2026-01-31', referred: 0, booked: 0, came: 0, outcomes: [] }));
    await settle(fixture);

    expect(text(page().querySelector('.shown'))).toBe('Kompetenscenter, 1–31 januari 2026');
    expect(text()).toContain('Inga besök är loggade för perioden.');
  });

  it('says in Swedish on the field what is wrong with the dates, before and after asking the API', async () => {
    http.expectOne((r) => r.url === URL).flush(aFunnel());
    await settle(fixture);

    type(getByLabel(page(), 'Från och med'), '2026-02-01');
    type(getByLabel(page(), 'Till och med'), '2026-01-01');
    await show();
    http.expectNone((r) => r.url === URL);
    expect(descriptionOf(page(), getByLabel(page(), 'Till och med'))).toBe('Slutdatumet är före startdatumet.');

    type(getByLabel(page(), 'Från och med'), '2001-01-01');
    type(getByLabel(page(), 'Till och med'), '2026-01-01');
    await show();
    const message = 'Välj högst fem år åt gången.';
    http
      .expectOne((r) => r.url === URL)
      .flush({ code: 'INVALID_RANGE', message: 'Perioden går inte att visa.', fields: { to: message } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);

    const to = getByLabel(page(), 'Till och med');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), to)).toBe(message);
    expect(text(page().querySelector('dh-error-summary'))).toContain(`Till och med: ${message}`);
    // The figures shown before stay, with the dates the person typed.
    expect(to.value).toBe('2026-01-01');
    expect(bars(0)[0]).toEqual(['Hänvisade', '24']);
  });

  it('offers to try again when the figures cannot be fetched', async () => {
    http.expectOne((r) => r.url === URL).flush({ code: 'INTERNAL', message: 'x' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(text(page().querySelector('[role=alert]'))).toContain('Vi kunde inte hämta siffrorna just nu.');
    getButton(page(), 'Försök igen').click();
    await turn();
    http.expectOne((r) => r.url === URL).flush(aFunnel());
    await settle(fixture);
    expect(bars(0)[2]).toEqual(['Kom', '9']);
  });
});
