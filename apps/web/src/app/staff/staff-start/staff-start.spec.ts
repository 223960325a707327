import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUser, Role } from '@digihjalpen/domain';
import { HelperShifts } from '../../helper/shifts/helper-shifts';
import { AuthService } from '../../shared/auth/auth.service';
import { StaffStart } from './staff-start';

/** Stands in for the helper's shift list, which loads from the API. */
@Component({ selector: 'dh-helper-shifts', template: '' })
class NoShifts {}

describe(StaffStart.name, () => {
  let fixture: ComponentFixture<StaffStart>;
  const user = signal<AuthUser | null>(null);

  const open = async (role: Role) => {
    user.set({ id: 'user-1', email: 'lena@example.org', name: 'Lena Bok', role });
    TestBed.configureTestingModule({
      imports: [StaffStart],
      providers: [provideRouter([]), { provide: AuthService, useValue: { user } }],
    });
    TestBed.overrideComponent(StaffStart, { remove: { imports: [HelperShifts] }, add: { imports: [NoShifts] } });
    fixture = TestBed.createComponent(StaffStart);
    await fixture.whenStable();
  };

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const links = () => Array.from(page().querySelectorAll('a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);

  it('gives partners their referrals and results, and booking for someone', async () => {
    await open('partner');
    expect(text()).toContain('Du är inloggad som partner.');
    expect(links()).toEqual([
      ['Hänvisningar och resultat', '/partner'],
      ['Boka åt någon', '/boka-at-nagon'],
      ['Byt lösenord', '/personal/losenord'],
    ]);
    expect(text()).not.toContain('kommer du snart');
  });

  it("gives library staff one big way in: booking for someone, then their library's bookings", async () => {
    await open('library-staff');
    expect(text()).toContain('Du är inloggad som bibliotekspersonal.');
    expect(page().querySelector('h2')?.textContent).toBe('Ringer någon eller står vid disken?');
    expect(links()).toEqual([
      ['Boka åt någon', '/boka-at-nagon'],
      ['Bokningar', '/bokningar'],
      ['Byt lösenord', '/personal/losenord'],
    ]);
  });

  it('gives coordinators their area and booking for someone', async () => {
    await open('coordinator');
    expect(text()).toContain('Du är inloggad som samordnare.');
    expect(links()).toEqual([
      ['Till samordnarens sidor', '/samordnare'],
      ['Boka åt någon', '/boka-at-nagon'],
      ['Byt lösenord', '/personal/losenord'],
    ]);
  });

  it('gives helpers today’s session, their hours and the password change', async () => {
    await open('helper');
    expect(links()).toEqual([
      ['Dagens träff', '/personal/idag'],
      ['Mina timmar', '/personal/timmar'],
      ['Byt lösenord', '/personal/losenord'],
    ]);
  });
});
