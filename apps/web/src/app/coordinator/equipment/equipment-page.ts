import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import type { EquipmentIssueView } from '@digihjalpen/domain';
import { toApiError } from '../../shared/data/api-error';
import { formatDay, groupBy } from '../../shared/data/dates';
import { toggled } from '../../shared/data/sets';
import { EQUIPMENT_LABELS } from '../../shared/data/visit-labels';
import { CoordinatorApi } from '../coordinator-api';

interface IssueView {
  id: string;
  kind: string;
  note: string;
  /** "Tisdag 24 november", the session the problem was reported after. */
  day: string;
  reportedBy: string;
  /** "skrivaren på Stadsbiblioteket", for the button's name. */
  label: string;
}

/**
 * Equipment problems the helpers reported after their sessions, per site, until someone marks them
 * fixed (the first round of the project lost time to laptops, wifi and printers).
 */
@Component({
  selector: 'dh-equipment-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 id="equipment-heading" tabindex="-1">Utrustning</h1>
    <p>Problem som digivärdarna har rapporterat efter sina träffar. De står kvar här tills du markerar dem som åtgärdade.</p>
    <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>

    @if (error(); as message) {
      <div id="equipment-error" class="dh-alert" role="alert" tabindex="-1"><p>{{ message }}</p></div>
    }

    @if (issues.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta problemen just nu.</p>
        <button type="button" class="dh-button" (click)="issues.reload()">Försök igen</button>
      </div>
    } @else if (issues.isLoading() && sites().length === 0) {
      <p class="dh-status">Hämtar problemen …</p>
    } @else if (sites().length === 0) {
      <p id="equipment-empty" class="dh-success" tabindex="-1">Inga öppna problem med utrustningen.</p>
    } @else {
      @for (site of sites(); track site.name) {
        <section class="site" [attr.aria-labelledby]="'site-' + site.id">
          <h2 [id]="'site-' + site.id" tabindex="-1">{{ site.name }} <span class="count">{{ site.issues.length }} problem</span></h2>
          <ul class="issues">
            @for (issue of site.issues; track issue.id) {
              <li class="issue">
                <div>
                  <h3>{{ issue.kind }}</h3>
                  <p class="note">{{ issue.note }}</p>
                  <p class="meta">Rapporterat av {{ issue.reportedBy }} efter träffen {{ issue.day }}.</p>
                </div>
                <button type="button" class="dh-button" [attr.aria-disabled]="pending().has(issue.id) ? true : null" (click)="markFixed(site.id, issue)">
                  Markera som åtgärdat<span class="visually-hidden">: {{ issue.label }}</span>
                </button>
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    h1 { font-size: clamp(1.6rem, 5vw, 2.2rem); margin-block: 0.5rem; }
    h1:focus, #equipment-empty:focus { outline: none; }
    .site { margin-block: 1.5rem; }
    h2 { font-size: 1.35rem; margin-block: 0 0.5rem; }
    h2:focus { outline: none; }
    .count { font-weight: 400; color: var(--dh-muted); font-size: 1.05rem; margin-inline-start: 0.4rem; }
    .issues { display: grid; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
    .issue {
      display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem;
      padding: 0.75rem 1rem; border-radius: var(--dh-radius); background: var(--dh-surface);
      border: 1px solid var(--dh-line); border-inline-start: 6px solid #b35c00;
    }
    .issue > div { flex: 1 1 20rem; }
    h3 { margin: 0; font-size: 1.15rem; }
    .issue p { margin: 0.15rem 0 0; }
    .meta { color: var(--dh-muted); }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class EquipmentPage {
  private readonly api = inject(CoordinatorApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly issues = this.api.openEquipmentIssues();
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);

  protected readonly sites = computed(() =>
    groupBy(
      [...this.issues.value()].sort((a, b) => a.siteName.localeCompare(b.siteName, 'sv') || b.reportedAt.localeCompare(a.reportedAt)),
      (i) => i.siteId,
    ).map(({ key, items }) => ({ id: key, name: items[0]?.siteName ?? '', issues: items.map((i) => this.toView(i)) })),
  );

  protected async markFixed(siteId: string, issue: IssueView): Promise<void> {
    if (this.pending().has(issue.id)) return;
    this.pending.update((set) => toggled(set, issue.id, true));
    this.error.set(null);
    try {
      await this.api.markEquipmentFixed(issue.id);
      this.issues.update((list) => list.filter((i) => i.id !== issue.id));
      this.announcement.set(`${issue.label.charAt(0).toLocaleUpperCase('sv')}${issue.label.slice(1)} är markerat som åtgärdat.`);
      // The button is gone: focus the site, or the "nothing open" message when it was the last.
      const stillOpen = this.issues.value().some((i) => i.siteId === siteId);
      this.focusLater(stillOpen ? `site-${siteId}` : this.issues.value().length ? 'equipment-heading' : 'equipment-empty');
    } catch (error) {
      this.error.set(`Det gick inte att markera problemet som åtgärdat. ${toApiError(error).message}`);
      this.focusLater('equipment-error');
    } finally {
      this.pending.update((set) => toggled(set, issue.id, false));
    }
  }

  private toView(i: EquipmentIssueView): IssueView {
    const kind = EQUIPMENT_LABELS[i.kind];
    return {
      id: i.id,
      kind,
      note: i.note,
      day: formatDay(i.sessionStart, 'Europe/Stockholm', 'sv').toLocaleLowerCase('sv'),
      reportedBy: i.reportedBy,
      label: `${kind.toLocaleLowerCase('sv')} på ${i.siteName}`,
    };
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
