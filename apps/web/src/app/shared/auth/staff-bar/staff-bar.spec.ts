import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { AuthUser } from '@digihjalpen/domain';
import { dialogButton, polyfillDialog } from '../../../testing/dialog';
import { translocoTesting } from '../../../testing/i18n';
import { getButton, settle } from '../../../testing/queries';
import { aHelper } from '../../../testing/staffing';
import { VisitQueue } from '../../data/visit-queue/visit-queue';
import { AuthService, type SignInProtection } from '../auth.service';
import { StaffBar } from './staff-bar';

@Component({ template: '' })
class Blank {}

describe(StaffBar.name, () => {
  let fixture: ComponentFixture<StaffBar>;
  const user = signal<AuthUser | null>(aHelper());
  const protection = signal<SignInProtection | null>({ idleMinutes: 15, queueKey: null });
  const auth = {
    user,
    protection,
    logout: jest.fn(async () => {
      user.set(null);
      protection.set(null);
    }),
    forget: jest.fn(),
    refresh: jest.fn(async () => true),
  };
  const unsent = signal<unknown[]>([]);
  const queue = { all: unsent, waiting: () => unsent().length, flush: jest.fn(async () => undefined), clear: jest.fn(() => unsent.set([])) };

  beforeEach(async () => {
    polyfillDialog();
    user.set(aHelper());
    protection.set({ idleMinutes: 15, queueKey: null });
    unsent.set([]);
    jest.clearAllMocks();
    TestBed.configureTestingModule({
      imports: [StaffBar, translocoTesting()],
      providers: [
        provideRouter([{ path: 'logga-in', component: Blank }]),
        { provide: AuthService, useValue: auth },
        { provide: VisitQueue, useValue: queue },
      ],
    });
    fixture = TestBed.createComponent(StaffBar);
    await fixture.whenStable();
  });

  afterEach(() => {
    jest.useRealTimers();
    TestBed.resetTestingModule();
  });

  const page = () => fixture.nativeElement as HTMLElement;
  const state = () => TestBed.inject(Router).lastSuccessfulNavigation()?.extras.state;

  it('offers helpers “Byt digivärd” next to “Logga ut”; coordinators only sign out', async () => {
    expect(getButton(page(), 'Byt digivärd')).toBeTruthy();
    expect(getButton(page(), 'Logga ut')).toBeTruthy();
    user.set({ ...aHelper(), role: 'coordinator' });
    await fixture.whenStable();
    expect(page().textContent).not.toContain('Byt digivärd');
  });

  it('links every signed-in person, coordinators too, to the password change', async () => {
    const passwordLink = () => Array.from(page().querySelectorAll('a')).filter((a) => a.textContent?.trim() === 'Byt lösenord');
    expect(passwordLink().map((a) => [a.getAttribute('href'), a.lang])).toEqual([['/personal/losenord', 'sv']]);
    user.set({ ...aHelper(), role: 'coordinator' });
    await fixture.whenStable();
    expect(passwordLink().map((a) => a.getAttribute('href'))).toEqual(['/personal/losenord']);
  });

  it('switches helper: signs out, clears the queue and opens the sign-in page for the next one', async () => {
    getButton(page(), 'Byt digivärd').click();
    await settle(fixture);
    expect(auth.logout).toHaveBeenCalled();
    expect(queue.clear).toHaveBeenCalled();
    expect(TestBed.inject(Router).url).toBe('/logga-in');
    expect(state()).toEqual({ switched: true });
  });

  it('warns before signing out with visits that have not been sent, and stays when asked to', async () => {
    unsent.set([{}, {}]);
    getButton(page(), 'Byt digivärd').click();
    await settle(fixture);
    expect(queue.flush).toHaveBeenCalled();
    expect(page().querySelector('dialog[open] h2')?.textContent).toBe('2 besök har inte skickats. Logga ut ändå?');
    dialogButton(page(), 'Nej, vänta').click();
    await settle(fixture);
    expect(auth.logout).not.toHaveBeenCalled();
    expect(queue.clear).not.toHaveBeenCalled();

    getButton(page(), 'Logga ut').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, logga ut ändå').click();
    await settle(fixture);
    expect(auth.logout).toHaveBeenCalled();
    expect(queue.clear).toHaveBeenCalled();
    expect(state()).toEqual({ signedOut: true });
  });

  it('shows the warning a minute before the idle sign-out, then clears everything and says why on the sign-in page', async () => {
    jest.useFakeTimers();
    // Start the idle clock under fake timers.
    protection.set({ idleMinutes: 15, queueKey: 'x' });
    TestBed.tick();
    unsent.set([{}]);
    jest.advanceTimersByTime(14 * 60_000);
    TestBed.tick();
    const dialog = page().querySelector('dialog[open]');
    expect(dialog?.querySelector('h2')?.textContent).toBe('Du loggas ut om 60 sekunder');
    expect(dialog?.textContent).toContain('1 besök har inte skickats ännu');

    await jest.advanceTimersByTimeAsync(60_000);
    // Let the sign-out and the navigation finish.
    await jest.advanceTimersByTimeAsync(100);
    TestBed.tick();
    expect(queue.clear).toHaveBeenCalled();
    expect(auth.logout).toHaveBeenCalled();
    expect(TestBed.inject(Router).url).toBe('/logga-in');
    expect(state()).toEqual({ idleMinutes: 15 });
    expect(page().querySelector('dialog[open]')).toBeNull();
  });

  it('keeps the helper signed in with “Fortsätt arbeta”', async () => {
    jest.useFakeTimers();
    protection.set({ idleMinutes: 15, queueKey: 'y' });
    TestBed.tick();
    jest.advanceTimersByTime(14 * 60_000 + 5_000);
    TestBed.tick();
    dialogButton(page(), 'Fortsätt arbeta').click();
    TestBed.tick();
    expect(page().querySelector('dialog[open]')).toBeNull();
    expect(auth.refresh).toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(auth.logout).not.toHaveBeenCalled();
  });
});
