import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { OrganisationView } from '@digihjalpen/domain';
import { CoordinatorApi } from '../coordinator-api';
import { ApprovalQueue } from './approval-queue';
import { MonthlyReport } from './monthly-report';
import { Organisations } from './organisations';

/**
 * Helpers' hours for coordinators (/samordnare/timmar): the approval queue, the monthly report per
 * organisation for settling fees, and the organisations with how their fees are paid.
 */
@Component({
  selector: 'dh-hours-page',
  imports: [ApprovalQueue, MonthlyReport, Organisations],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Timmar</h1>
    <p>Godkänn digivärdarnas tid, ta fram underlag för arvode och bestäm hur varje organisation får betalt.</p>
    <nav class="jump" aria-label="På den här sidan">
      <ul>
        <li><a href="#queue" (click)="jump($event, 'queue-heading')">Väntar på godkännande</a></li>
        <li><a href="#report" (click)="jump($event, 'report-heading')">Månadsrapport</a></li>
        <li><a href="#organisations" (click)="jump($event, 'orgs-heading')">Organisationer och arvode</a></li>
      </ul>
    </nav>
    <section id="queue" class="part" aria-labelledby="queue-heading">
      <dh-approval-queue />
    </section>
    <section id="report" class="part dh-panel" aria-labelledby="report-heading">
      <dh-monthly-report [organisations]="organisations.value()" />
    </section>
    <section id="organisations" class="part" aria-labelledby="orgs-heading">
      @if (organisations.error()) {
        <div class="dh-alert" role="alert">
          <p>Vi kunde inte hämta organisationerna just nu.</p>
          <button type="button" class="dh-button" (click)="organisations.reload()">Försök igen</button>
        </div>
      }
      <dh-organisations [organisations]="organisations.value()" (organisationSaved)="onSaved($event)" />
    </section>
  `,
  styles: `
    h1 { font-size: clamp(1.6rem, 5vw, 2.2rem); margin-block: 0.5rem; }
    .jump ul { display: flex; flex-wrap: wrap; gap: 0 1.25rem; margin: 0; padding: 0; list-style: none; }
    .jump a { display: inline-flex; align-items: center; min-height: 44px; font-weight: 600; }
    .part { margin-block: 1.5rem 2.5rem; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class HoursPage {
  private readonly document = inject(DOCUMENT);
  protected readonly organisations = inject(CoordinatorApi).organisations();

  protected onSaved(saved: OrganisationView): void {
    this.organisations.update((list) => {
      const others = (list ?? []).filter((o) => o.id !== saved.id);
      return [...others, saved].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    });
  }

  /** An in-page link would go through <base href="/"> and leave the page; move focus to the part instead. */
  protected jump(event: Event, id: string): void {
    event.preventDefault();
    const target = this.document.getElementById(id);
    target?.scrollIntoView?.({ block: 'start' });
    target?.focus();
  }
}
