import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { statusOf } from '../../shared/data/api-error';
import { OcnApi } from '../../shared/data/ocn-api';
import { moduleStatus } from '../../shared/data/portfolio';
import { ModuleProgress } from '../../shared/ui/ocn/module-progress';
import { CoordinatorApi, helperHoursCsvUrl } from '../coordinator-api';

/** One helper's modules with progress (/samordnare/ocn/digivardar/:helperId), each leading to the portfolio. */
@Component({
  selector: 'dh-helper-modules-page',
  imports: [RouterLink, ModuleProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back"><a routerLink="/samordnare/ocn"><span aria-hidden="true">←</span> Alla digivärdar och moduler</a></p>
    <h1>{{ name() ?? 'Digivärd' }}: moduler</h1>
    @if (notFound()) {
      <p class="dh-status">Det finns ingen digivärd med den adressen. Välj en digivärd i listan.</p>
    } @else if (summaries.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta modulerna just nu.</p>
        <button type="button" class="dh-button" (click)="summaries.reload()">Försök igen</button>
      </div>
    } @else if (summaries.isLoading() && rows().length === 0) {
      <p class="dh-status">Hämtar modulerna …</p>
    } @else {
      <p>Bevis, godkända timmar och hur långt bedömningen har kommit. Timmarna är bevis; poängen ges först när alla kriterier är uppfyllda.</p>
      <ul class="module-list">
        @for (m of rows(); track m.module.id) {
          <li class="module">
            <h2>
              <a [routerLink]="['/samordnare/ocn/digivardar', helperId(), m.module.id]">{{ m.module.title }}</a>
            </h2>
            <p class="facts">{{ m.facts }}</p>
            <dh-module-progress [progress]="m.progress" [idPrefix]="'module-' + m.module.id" />
            <p class="state"><strong>Läge:</strong> {{ m.status }}</p>
          </li>
        }
      </ul>
      <p class="csv">
        <a class="dh-button-secondary" [href]="csvUrl()" download>Ladda ner timmarna (CSV)<span class="visually-hidden"> för {{ name() }}</span></a>
        <span class="dh-hint">Alla digivärdens timmar, underlag till portföljen. Nedladdningen sparas i en logg.</span>
      </p>
    }
  `,
  styles: `
    .back { margin-block: 0.5rem 0; }
    .back a { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 44px; font-weight: 600; }
    h1 { font-size: clamp(1.6rem, 5vw, 2.2rem); margin-block: 0.25rem 0.5rem; }
    .module-list { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
    .module {
      padding: 0.75rem 1rem; border-radius: var(--dh-radius); background: var(--dh-surface);
      border: 1px solid var(--dh-line); border-inline-start: 6px solid var(--dh-brand);
    }
    h2 { margin: 0; font-size: 1.25rem; }
    h2 a { display: inline-flex; align-items: center; min-height: 44px; }
    .facts { margin: 0 0 0.5rem; color: var(--dh-muted); }
    .state { margin: 0.25rem 0 0; }
    .csv { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-block: 1.5rem; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class HelperModulesPage {
  /** From the route. */
  readonly helperId = input.required<string>();

  private readonly helper = inject(CoordinatorApi).helper(this.helperId);
  protected readonly summaries = inject(OcnApi).summaries(this.helperId);
  protected readonly name = computed(() => (this.helper.hasValue() ? this.helper.value().name : null));
  protected readonly notFound = computed(() => [400, 404].includes(statusOf(this.summaries.error())) || [400, 404].includes(statusOf(this.helper.error())));
  protected readonly csvUrl = computed(() => helperHoursCsvUrl(this.helperId()));
  protected readonly rows = computed(() =>
    this.summaries.value().map((m) => ({ ...m, status: moduleStatus(m), facts: `Nivå ${m.module.level} · ${m.module.credits} poäng (${m.progress.notionalHours} timmar)` })),
  );

  constructor() {
    const title = inject(Title);
    effect(() => {
      const name = this.name();
      if (name) title.setTitle(`${name} – OCN – Samordnare – Digihjälpen`);
    });
  }
}
