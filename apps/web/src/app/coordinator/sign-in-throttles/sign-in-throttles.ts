import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import type { SignInThrottleView } from '@digihjalpen/domain';
import { toApiError } from '../../shared/data/api-error';
import { formatDay, formatTime } from '../../shared/data/dates';
import { toggled } from '../../shared/data/sets';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { SignInThrottlesApi } from './sign-in-throttles-api';

const ZONE = 'Europe/Stockholm';

interface ThrottleItem {
  id: string;
  /** "Anna Berg (anna@example.org)", "En e-postadress som inte finns", "Alla e-postadresser". */
  who: string;
  /** "Inloggning från 198.51.100.7", "Byte av lösenord (inloggad)". */
  where: string;
  failures: string;
  /** "Väntar till kl. 13:15" or what the next wrong password brings. */
  wait: string;
  last: string;
  /** For the button's accessible name and the messages: "anna@example.org från 198.51.100.7". */
  label: string;
}

function toItem(t: SignInThrottleView): ThrottleItem {
  const person = t.email ? (t.name ? `${t.name} (${t.email})` : t.email) : null;
  const who =
    t.kind === 'address' ? 'Alla e-postadresser (någon har provat många konton)' : (person ?? 'En e-postadress som inte hör till något konto');
  const where = t.kind === 'password-change' ? 'Byte av lösenord (personen var inloggad)' : `Inloggning från IP-adress ${t.address ?? 'okänd'}`;
  const label =
    t.kind === 'password-change' ? `byte av lösenord för ${t.email ?? 'okänt konto'}` : `${t.kind === 'address' ? 'alla e-postadresser' : (t.email ?? 'okänd e-postadress')} från ${t.address ?? 'okänd adress'}`;
  return {
    id: t.id,
    who,
    where,
    failures: `${t.failures} fel lösenord`,
    wait: t.blockedUntil ? `Nästa försök tidigast kl. ${formatTime(t.blockedUntil, ZONE, 'sv')}` : 'Kan försöka nu, men nästa fel lösenord ger längre väntan',
    last: `Senaste fel: ${formatDay(t.lastFailureAt, ZONE, 'sv').toLocaleLowerCase('sv')} kl. ${formatTime(t.lastFailureAt, ZONE, 'sv')}`,
    label,
  };
}

/**
 * Sign-ins being slowed down after wrong passwords (growing delays per client address and account),
 * and a way to let someone try again at once. Standalone: the people page embeds it.
 */
@Component({
  selector: 'dh-sign-in-throttles',
  imports: [ConfirmDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="throttles" aria-labelledby="throttles-heading">
      <h2 id="throttles-heading" tabindex="-1">Spärrade inloggningar</h2>
      <p>
        Efter flera fel lösenord från samma dator eller nätverk (IP-adress) får nästa försök vänta en stund, och väntan blir längre för varje fel.
        Kontot låses aldrig: personen kan logga in från en annan dator. Ta bort en spärr om du vet att det är personen själv som försöker.
      </p>
      <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>

      @if (error(); as message) {
        <div id="throttles-error" class="dh-alert" role="alert" tabindex="-1"><p>{{ message }}</p></div>
      }

      @if (throttles.error()) {
        <div class="dh-alert" role="alert">
          <p>Vi kunde inte hämta spärrarna just nu.</p>
          <button type="button" class="dh-button" (click)="throttles.reload()">Försök igen</button>
        </div>
      } @else if (throttles.isLoading() && items().length === 0) {
        <p class="dh-status">Hämtar spärrar …</p>
      } @else if (items().length === 0) {
        <p id="throttles-empty" class="dh-success" tabindex="-1">Inga spärrade inloggningar.</p>
      } @else {
        <ul class="list">
          @for (item of items(); track item.id) {
            <li class="item">
              <div>
                <h3>{{ item.who }}</h3>
                <p>{{ item.where }} · {{ item.failures }}</p>
                <p class="wait">{{ item.wait }}</p>
                <p class="meta">{{ item.last }}</p>
              </div>
              <button type="button" class="dh-button-secondary" [attr.aria-disabled]="pending().has(item.id) ? true : null" (click)="askToClear(item)">
                Ta bort spärren<span class="visually-hidden">: {{ item.label }}</span>
              </button>
            </li>
          }
        </ul>
      }
      @if (!throttles.error()) {
        <div class="dh-actions"><button type="button" class="dh-button-secondary" (click)="throttles.reload()">Uppdatera listan</button></div>
      }
      <dh-confirm-dialog />
    </section>
  `,
  styles: `
    h2 { font-size: 1.35rem; margin-block: 1rem 0.5rem; }
    h2:focus, #throttles-empty:focus { outline: none; }
    .list { display: grid; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
    .item {
      display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem;
      padding: 0.75rem 1rem; border-radius: var(--dh-radius); background: var(--dh-surface);
      border: 1px solid var(--dh-line); border-inline-start: 6px solid #b35c00;
    }
    .item > div { flex: 1 1 18rem; min-width: 0; overflow-wrap: anywhere; }
    h3 { margin: 0; font-size: 1.1rem; }
    .item p { margin: 0.15rem 0 0; }
    .meta { color: var(--dh-muted); }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class SignInThrottles {
  private readonly api = inject(SignInThrottlesApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly throttles = this.api.list();
  protected readonly items = computed(() => this.throttles.value().map(toItem));
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  protected readonly announcement = signal('');
  protected readonly error = signal<string | null>(null);

  protected async askToClear(item: ThrottleItem): Promise<void> {
    if (this.pending().has(item.id)) return;
    const yes = await this.confirm().ask({
      title: 'Ta bort spärren?',
      text: `${item.who}. ${item.where}. Då kan personen försöka logga in direkt, och felen räknas från noll. Gör det bara om du vet att det är personen själv som försöker logga in.`,
      confirm: 'Ja, ta bort spärren',
      cancel: 'Nej, behåll',
    });
    if (!yes || this.pending().has(item.id)) return;
    this.pending.update((set) => toggled(set, item.id, true));
    this.error.set(null);
    try {
      await this.api.clear(item.id);
      this.removed(item, `Spärren är borttagen: ${item.label}.`);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 404) {
        // Already gone (cleared by someone else, or it ran out): the list just catches up.
        this.removed(item, apiError.message);
      } else {
        this.error.set(`Det gick inte att ta bort spärren. ${apiError.message}`);
        this.focusLater('throttles-error');
      }
    } finally {
      this.pending.update((set) => toggled(set, item.id, false));
    }
  }

  private removed(item: ThrottleItem, message: string): void {
    this.throttles.update((list) => list.filter((t) => t.id !== item.id));
    this.announcement.set(message);
    this.focusLater(this.throttles.value().length ? 'throttles-heading' : 'throttles-empty');
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
