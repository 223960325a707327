import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { HelperListed } from '@digihjalpen/domain';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { HelperPicker } from './helper-picker';
import { HELPER_SEARCH_DELAY } from './helper-search';
import { aListedHelper, aPage, maria, yusuf } from './helper-testing';

describe(HelperPicker.name, () => {
  let fixture: ComponentFixture<HelperPicker>;
  let http: HttpTestingController;
  let chosen: HelperListed[];

  const setUp = async (delay: number) => {
    TestBed.configureTestingModule({
      imports: [HelperPicker],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: HELPER_SEARCH_DELAY, useValue: delay }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HelperPicker);
    fixture.componentRef.setInput('controlId', 'pick');
    fixture.componentRef.setInput('label', 'Sök digivärd');
    chosen = [];
    fixture.componentInstance.chosen.subscribe((h) => chosen.push(h));
    fixture.detectChanges();
    await settle(fixture);
  };

  afterEach(() => http.verify());

  /** One turn of timers and change detection, without waiting for open requests (whenStable would). */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const field = () => getByLabel(page(), 'Sök digivärd');
  const search = (q: string) => http.expectOne((r) => r.url === '/api/helpers' && r.params.get('q') === q && r.params.get('page') === '1');
  const options = () => Array.from(page().querySelectorAll<HTMLButtonElement>('button.option'));
  const key = (el: HTMLElement, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

  describe('as you type', () => {
    beforeEach(() => setUp(0));

    it('asks nothing before there is something to search for', () => {
      http.expectNone((r) => r.url === '/api/helpers');
      expect(options()).toHaveLength(0);
      expect(descriptionOf(page(), field())).toBe('Skriv en del av namnet eller e-postadressen.');
    });

    it('lists the matches as buttons and gives the chosen helper to the page', async () => {
      type(field(), '  johan ');
      await turn();
      search('johan').flush(aPage([maria]));
      await settle(fixture);
      expect(options().map(text)).toEqual(['Maria Johansson, maria@example.org']);
      expect(text(page().querySelector('[role=status]'))).toBe('1 digivärd hittades.');
      getButton(page(), /^Maria Johansson/).click();
      expect(chosen).toEqual([maria]);
    });

    it('says so when nobody matches', async () => {
      type(field(), 'zzz');
      await turn();
      search('zzz').flush(aPage([]));
      await settle(fixture);
      expect(options()).toHaveLength(0);
      expect(descriptionOf(page(), field())).toContain('Inga digivärdar heter så.');
    });

    it('says when there are more matches than shown', async () => {
      type(field(), 'a');
      await turn();
      search('a').flush(aPage([maria, yusuf], { total: 230 }));
      await settle(fixture);
      expect(text(page().querySelector('[role=status]'))).toBe('230 digivärdar hittades. Här visas de 2 första; skriv mer av namnet för att hitta rätt.');
    });

    it('shows helpers who cannot be chosen, in words, and does not choose them', async () => {
      fixture.componentRef.setInput('taken', [yusuf.id]);
      fixture.componentRef.setInput('takenNote', 'Har redan passet');
      type(field(), 'a');
      await turn();
      search('a').flush(aPage([maria, yusuf]));
      await settle(fixture);
      const taken = getButton(page(), /^Yusuf Ahmadi/);
      expect(text(taken)).toBe('Yusuf Ahmadi, helper@example.org, Har redan passet');
      expect(taken.getAttribute('aria-disabled')).toBe('true');
      taken.click();
      expect(chosen).toEqual([]);
    });

    it('moves between the field and the matches with the arrow keys', async () => {
      type(field(), 'a');
      await turn();
      search('a').flush(aPage([maria, yusuf, aListedHelper({ id: '30000000-0000-4000-8000-000000000003', name: 'Ali Hassan' })]));
      await settle(fixture);
      const [first, second, third] = options();
      key(field(), 'ArrowDown');
      expect(document.activeElement).toBe(first);
      key(first as HTMLElement, 'ArrowDown');
      expect(document.activeElement).toBe(second);
      key(second as HTMLElement, 'End');
      expect(document.activeElement).toBe(third);
      key(third as HTMLElement, 'Escape');
      expect(document.activeElement).toBe(field());
    });

    it('shows a message from the page under the field', async () => {
      fixture.componentRef.setInput('error', 'Digivärden har redan passet.');
      await settle(fixture);
      expect(field().getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(page(), field())).toContain('Digivärden har redan passet.');
    });
  });

  describe('with a pause before searching', () => {
    beforeEach(() => setUp(30));

    it('sends one search after the typing stops', async () => {
      type(field(), 'M');
      type(field(), 'Ma');
      type(field(), 'Mar');
      await turn();
      http.expectNone((r) => r.url === '/api/helpers');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await turn();
      search('Mar').flush(aPage([maria]));
      await settle(fixture);
      expect(options().map(text)).toEqual(['Maria Johansson, maria@example.org']);
    });
  });
});
