import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HolidayView, Site } from '@digihjalpen/domain';
import { toApiError } from '../../shared/data/api-error';
import { formatShortDate } from '../../shared/data/dates';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ClosuresApi } from './closures-api';

/**
 * Public holidays: the schedule leaves them empty (and julafton, midsommarafton, nyårsafton), unless a
 * coordinator keeps a library open that day. Also the sessions already on such a day that someone booked.
 */
@Component({
  selector: 'dh-holiday-days',
  imports: [RouterLink, ConfirmDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">Helgdagar</h2>
      <p>
        Schemat lägger inga träffar på röda dagar, julafton, midsommarafton och nyårsafton. Vill ett bibliotek ha öppet en sådan dag, välj
        <strong>Håll öppet</strong>: då läggs dagens träffar in enligt schemat.
      </p>
      <div class="dh-field site">
        <label for="holiday-site">Visa helgdagarna för</label>
        <select id="holiday-site" #site [value]="siteId()" (change)="siteId.set(site.value)">
          @for (s of sites(); track s.id) {
            <option [value]="s.id">{{ s.name }}</option>
          }
        </select>
      </div>
      <p class="dh-success" role="status" [class.visually-hidden]="!status()">{{ status() }}</p>
      @if (problem(); as message) {
        <div class="dh-alert" role="alert"><p>{{ message }}</p></div>
      }
      @if (holidays.error()) {
        <div class="dh-alert" role="alert"><p>Det gick inte att hämta helgdagarna.</p></div>
      } @else if (holidays.isLoading() && !holidays.value().length) {
        <p class="dh-status">Hämtar helgdagarna …</p>
      } @else if (siteId() && !holidays.value().length) {
        <p class="dh-status">Inga helgdagar det närmaste året.</p>
      } @else if (siteId()) {
        <table>
          <caption class="visually-hidden">Helgdagar det närmaste året på {{ siteName() }}</caption>
          <thead><tr><th scope="col">Dag</th><th scope="col">Helgdag</th><th scope="col">Öppet?</th></tr></thead>
          <tbody>
            @for (h of holidays.value(); track h.date) {
              <tr>
                <td>{{ day(h.date) }}</td>
                <td>{{ h.name }}</td>
                <td>
                  @if (h.opened) {
                    <span class="dh-badge dh-badge-active">Öppet</span>
                    <button type="button" class="dh-button-secondary" [attr.aria-disabled]="pending() ? true : null" (click)="closeAgain(h)">
                      Stäng igen<span class="visually-hidden"> {{ h.name }}</span>
                    </button>
                  } @else {
                    <span class="closed">Stängt</span>
                    <button type="button" class="dh-button-secondary" [attr.aria-disabled]="pending() ? true : null" (click)="keepOpen(h)">
                      Håll öppet<span class="visually-hidden"> {{ h.name }}</span>
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }

      @if (sessions.value().length) {
        <h3>Träffar på helgdagar som någon har bokat</h3>
        <p>Schemat tar inte bort dem, eftersom någon har bokat eller tagit ett pass. Ställ in träffen på bibliotekets sida, eller håll öppet den dagen.</p>
        <ul class="booked">
          @for (s of sessions.value(); track s.id) {
            <li>
              <a [routerLink]="['/samordnare/platser', s.siteId]">{{ s.siteName }}</a>: {{ day(s.date) }} {{ time(s.start, s.end) }} ({{ s.holiday }}) –
              {{ s.bookings }} {{ s.bookings === 1 ? 'bokning' : 'bokningar' }}, {{ s.shifts }} pass
            </li>
          }
        </ul>
      }
    </section>
    <dh-confirm-dialog />
  `,
  styles: `
    h2 { font-size: 1.4rem; margin-block: 1.75rem 0.75rem; }
    h3 { font-size: 1.15rem; margin-block: 1.25rem 0.5rem; }
    .site { max-width: 24rem; }
    table { border-collapse: collapse; width: 100%; max-width: 44rem; }
    th, td { text-align: start; padding: 0.4rem 0.5rem; border-block-end: 1px solid var(--dh-line); vertical-align: middle; }
    td button { margin-inline-start: 0.75rem; }
    .closed { font-weight: 600; }
    .booked { padding-inline-start: 1.25rem; }
    .booked li { margin-block: 0.35rem; }
  `,
})
export class HolidayDays {
  readonly sites = input.required<readonly Site[]>();

  private readonly api = inject(ClosuresApi);
  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly siteId = signal('');
  protected readonly siteName = computed(() => this.sites().find((s) => s.id === this.siteId())?.name ?? '');
  protected readonly holidays = this.api.holidays(this.siteId);
  protected readonly sessions = this.api.holidaySessions();
  protected readonly pending = signal(false);
  protected readonly status = signal('');
  protected readonly problem = signal<string | null>(null);

  constructor() {
    // The first library is chosen once the list has come.
    effect(() => {
      const first = this.sites()[0];
      if (!this.siteId() && first) this.siteId.set(first.id);
    });
  }

  protected day(date: string): string {
    return formatShortDate(date, 'sv');
  }

  /** The wall time at the library: the API's times carry the site's own offset. */
  protected time(start: string, end: string): string {
    return `${start.slice(11, 16)}–${end.slice(11, 16)}`;
  }

  protected keepOpen(h: HolidayView): Promise<void> {
    return this.change(h, () => this.api.openHoliday(this.siteId(), h.date), `${this.siteName()} har öppet ${h.name} (${this.day(h.date)}). Dagens träffar är inlagda.`);
  }

  protected async closeAgain(h: HolidayView): Promise<void> {
    const yes = await this.confirm().ask({
      title: `Stänga ${h.name} igen?`,
      text: 'Träffarna den dagen tas bort om ingen har bokat. Träffar som någon har bokat ligger kvar, och du ser dem här nedanför.',
      confirm: 'Ja, stäng',
      cancel: 'Nej, håll öppet',
    });
    if (yes) await this.change(h, () => this.api.closeHoliday(this.siteId(), h.date), `${this.siteName()} är stängt ${h.name} (${this.day(h.date)}).`);
  }

  private async change(h: HolidayView, call: () => Promise<void>, done: string): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.problem.set(null);
    this.status.set('');
    try {
      await call();
      this.status.set(done);
      this.holidays.reload();
      this.sessions.reload();
    } catch (error) {
      this.problem.set(`Det gick inte att ändra ${h.name}. ${toApiError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
