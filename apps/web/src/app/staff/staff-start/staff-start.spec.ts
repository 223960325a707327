import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUser, Role } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { StaffStart } from './staff-start';

describe(StaffStart.name, () => {
  let fixture: ComponentFixture<StaffStart>;
  const user = signal<AuthUser | null>(null);

  const open = async (role: Role) => {
    user.set({ id: 'user-1', email: 'lena@example.org', name: 'Lena Bok', role });
    TestBed.configureTestingModule({
      imports: [StaffStart],
      providers: [provideRouter([]), { provide: AuthService, useValue: { user } }],
    });
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
    ]);
    expect(text()).not.toContain('kommer du snart');
  });

  it('gives library staff one big way in: booking for someone', async () => {
    await open('library-staff');
    expect(text()).toContain('Du är inloggad som bibliotekspersonal.');
    expect(page().querySelector('h2')?.textContent).toBe('Ringer någon eller står vid disken?');
    expect(links()).toEqual([['Boka åt någon', '/boka-at-nagon']]);
  });

  it('gives coordinators their area and booking for someone', async () => {
    await open('coordinator');
    expect(text()).toContain('Du är inloggad som samordnare.');
    expect(links()).toEqual([
      ['Till samordnarens sidor', '/samordnare'],
      ['Boka åt någon', '/boka-at-nagon'],
    ]);
  });
});
