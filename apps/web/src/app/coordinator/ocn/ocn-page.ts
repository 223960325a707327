import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { criteriaOf } from '@digihjalpen/domain';
import { OcnApi } from '../../shared/data/ocn-api';
import { HelperList, HelperRow } from '../helpers/helper-list';

/** Navigation state after the module editor saved: the module's title, to say so here. */
export interface OcnPageState {
  savedModule?: string;
}

/**
 * OCN validation for coordinators (/samordnare/ocn): the helpers, each leading to their modules and
 * portfolios, and the module catalogue.
 */
@Component({
  selector: 'dh-ocn-page',
  imports: [RouterLink, HelperList, HelperRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Validering (OCN)</h1>
    <p>
      Digivärdarna samlar bevis för kriterierna i en modul. En samordnare bedömer varje kriterium, och en annan samordnare kvalitetssäkrar bedömningen. Den som
      har bedömt får aldrig kvalitetssäkra sin egen bedömning. Poäng ges först när alla kriterier är uppfyllda (1 poäng = 10 timmar).
    </p>

    <section aria-labelledby="helpers-heading">
      <h2 id="helpers-heading">Digivärdar</h2>
      <p>Välj en digivärd för att se modulerna, bevisen och bedömningen.</p>
      <dh-helper-list controlId="ocn-helper-search" layout="grid">
        <ng-template dhHelperRow let-h>
          <a class="helper" [routerLink]="['/samordnare/ocn/digivardar', h.id]">{{ h.name }}</a>
        </ng-template>
      </dh-helper-list>
    </section>

    <section aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">Moduler</h2>
      @if (savedModule) {
        <p class="dh-success" role="status">Modulen ”{{ savedModule }}” är sparad.</p>
      }
      <p>Modulerna som digivärdarna kan valideras i. Du kan ändra texterna, lägga till kriterier och skapa nya moduler.</p>
      @if (modules.error()) {
        <div class="dh-alert" role="alert">
          <p>Vi kunde inte hämta modulerna just nu.</p>
          <button type="button" class="dh-button" (click)="modules.reload()">Försök igen</button>
        </div>
      } @else if (modules.isLoading() && catalogue().length === 0) {
        <p class="dh-status">Hämtar modulerna …</p>
      } @else {
        <ul class="catalogue">
          @for (m of catalogue(); track m.id) {
            <li>
              <h3>{{ m.title }}</h3>
              <p class="facts">{{ m.facts }}</p>
              <a class="dh-button-secondary" [routerLink]="['/samordnare/ocn/moduler', m.id]">Ändra<span class="visually-hidden"> {{ m.title }}</span></a>
            </li>
          }
        </ul>
      }
      <p><a class="dh-button" routerLink="/samordnare/ocn/moduler/ny">Ny modul</a></p>
    </section>
  `,
  styles: `
    h1 { font-size: clamp(1.6rem, 5vw, 2.2rem); margin-block: 0.5rem; }
    h2 { font-size: 1.4rem; margin-block: 0 0.5rem; }
    section { margin-block: 1.5rem 2rem; }
    a.helper {
      display: flex; align-items: center; min-height: 44px; padding: 0.4rem 0.9rem; border-radius: var(--dh-radius);
      background: var(--dh-surface); border: 1px solid var(--dh-line); border-inline-start: 6px solid var(--dh-brand); font-weight: 600;
    }
    .catalogue { display: grid; gap: 0.75rem; margin: 0 0 1rem; padding: 0; list-style: none; }
    .catalogue li {
      display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; padding: 0.75rem 1rem;
      border-radius: var(--dh-radius); background: var(--dh-surface); border: 1px solid var(--dh-line);
    }
    .catalogue h3 { flex: 1 1 100%; margin: 0; font-size: 1.15rem; }
    .facts { flex: 1 1 16rem; margin: 0; color: var(--dh-muted); }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class OcnPage {
  protected readonly modules = inject(OcnApi).modules();
  protected readonly savedModule = ((inject(Router).currentNavigation()?.extras.state ?? {}) as OcnPageState).savedModule ?? null;

  protected readonly catalogue = computed(() =>
    this.modules.value().map((m) => {
      const criteria = criteriaOf(m).length;
      return {
        id: m.id,
        title: m.title,
        facts: `Nivå ${m.level} · ${m.credits} poäng · ${m.outcomes.length} läranderesultat · ${criteria} ${criteria === 1 ? 'kriterium' : 'kriterier'}`,
      };
    }),
  );
}
