import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { HelperShifts } from '../../helper/shifts/helper-shifts';
import { ROLE_LABELS } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';

const ROLE_NAMES = ROLE_LABELS;

/**
 * Where staff land after signing in: helpers see their shifts; partners, library staff and
 * coordinators the ways into their pages, "Boka åt någon" among them.
 */
@Component({
  selector: 'dh-staff-start',
  imports: [RouterLink, HelperShifts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as u) {
      <h1>Hej {{ u.name }}!</h1>
      @switch (u.role) {
        @case ('helper') {
          <div class="today dh-panel">
            <h2>Har du pass i dag?</h2>
            <p>Se vilka som har bokat, checka in dem och skriv in besöken.</p>
            <a class="dh-button" routerLink="/personal/idag">Dagens träff</a>
          </div>
          <div class="hours dh-panel">
            <h2>Mina timmar och validering</h2>
            <p>Se din tid, lägg till en utbildning eller ett möte, och följ hur det går med dina OCN-moduler.</p>
            <a class="dh-button-secondary" routerLink="/personal/timmar">Mina timmar</a>
          </div>
          <p>Här ser du dina pass som digivärd, tar lediga pass och får dina pass i din egen kalender.</p>
          <dh-helper-shifts />
        }
        @case ('coordinator') {
          <p>Du är inloggad som {{ roleNames[u.role] }}.</p>
          <p class="links">
            <a class="dh-button" routerLink="/samordnare">Till samordnarens sidor</a>
            <a class="dh-button-secondary" routerLink="/boka-at-nagon">Boka åt någon</a>
          </p>
        }
        @case ('partner') {
          <p>Du är inloggad som {{ roleNames[u.role] }}.</p>
          <p>Hänvisa personer till Digihjälpen med en länk eller en lapp, se hur det gick, eller boka en tid åt någon.</p>
          <p class="links">
            <a class="dh-button" routerLink="/partner">Hänvisningar och resultat</a>
            <a class="dh-button-secondary" routerLink="/boka-at-nagon">Boka åt någon</a>
          </p>
        }
        @case ('library-staff') {
          <p>Du är inloggad som {{ roleNames[u.role] }}.</p>
          <div class="book dh-panel">
            <h2>Ringer någon eller står vid disken?</h2>
            <p>Boka en tid på Digihjälpen åt personen. Det räcker med ett förnamn. Du får ett bokningsnummer att läsa upp och en lapp att skriva ut.</p>
            <a class="dh-button" routerLink="/boka-at-nagon">Boka åt någon</a>
          </div>
          <div class="find dh-panel">
            <h2>Hitta, flytta eller avboka en tid</h2>
            <p>Sök på bokningsnummer, namn eller telefon, eller se vilka som har bokat en dag på ditt bibliotek.</p>
            <a class="dh-button-secondary" routerLink="/bokningar">Bokningar</a>
          </div>
        }
      }
      <p class="account"><a routerLink="/personal/losenord">Byt lösenord</a></p>
      <p class="dh-hint shared">Använder du en delad dator? Logga ut när du är klar.</p>
    }
  `,
  styles: `
    .account { margin-block-start: 2rem; }
    .shared { margin-block-start: 0.75rem; }
    .links { display: flex; flex-wrap: wrap; gap: 0.75rem; }
    .book { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.25rem; margin-block: 1rem 1.5rem; border-inline-start: 6px solid var(--dh-brand); }
    .book h2 { flex-basis: 100%; margin: 0; font-size: 1.3rem; }
    .book p { margin: 0; flex: 1 1 18rem; }
    .book .dh-button { font-size: 1.2rem; padding: 0.75rem 1.75rem; }
    .find { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.25rem; margin-block: 0 1.5rem; }
    .find h2 { flex-basis: 100%; margin: 0; font-size: 1.2rem; }
    .find p { margin: 0; flex: 1 1 18rem; }
    .today { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.25rem; margin-block: 1rem 1.5rem; border-inline-start: 6px solid var(--dh-brand); }
    .today h2 { flex-basis: 100%; margin: 0; font-size: 1.3rem; }
    .today p { margin: 0; flex: 1 1 18rem; }
    .today .dh-button { font-size: 1.15rem; }
    .hours { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.25rem; margin-block: 0 1.5rem; }
    .hours h2 { flex-basis: 100%; margin: 0; font-size: 1.2rem; }
    .hours p { margin: 0; flex: 1 1 18rem; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class StaffStart {
  protected readonly user = inject(AuthService).user;
  protected readonly roleNames = ROLE_NAMES;
}
