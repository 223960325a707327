import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal, viewChild } from '@angular/core';
import type { ReferralCodeView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../shared/data/api-error';
import { PublicApi } from '../shared/data/public-api';
import { ConfirmDialog } from '../shared/ui/confirm-dialog';
import { CopyLink } from '../shared/ui/copy-link';
import { ErrorSummary, type SummaryField } from '../shared/ui/error-summary';
import { FIELD } from '../shared/ui/field';
import { PartnerApi, slipUrl } from './partner-api';

let nextId = 0;

/** "3 mars 2026", the day in Sweden. */
export function dayText(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

/**
 * A partner's referral codes: make one for a library, pass it on as a link or a printed slip, and
 * revoke it when it should not be handed out any more. `level` is the level of this part's headings
 * (the page around it decides).
 */
@Component({
  selector: 'dh-referral-codes',
  imports: [FIELD, ErrorSummary, CopyLink, ConfirmDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dh-panel new-code">
      <div role="heading" class="sub" [attr.aria-level]="level()">Skapa en ny kod</div>
      <dh-error-summary [error]="error()" [fields]="fields" />
      <form novalidate (submit)="create($event)">
        <dh-field label="Vad är koden till för?" hint="Till exempel ”Jobbcoachning hösten 2026”. Bara ni och samordnarna ser det, inte personen." [error]="errors()['label']">
          <input dhControl #label autocomplete="off" maxlength="80" [id]="id + '-label'" [value]="draft().label" (input)="set('label', label.value)" />
        </dh-field>
        <dh-field label="Bibliotek" hint="Koden leder till bokningen på det här biblioteket." [error]="errors()['siteId']">
          <select dhControl #site [id]="id + '-site'" (change)="set('siteId', site.value)">
            <option value="" [selected]="draft().siteId === ''">Välj bibliotek</option>
            @for (s of sites.value(); track s.id) {
              <option [value]="s.id" [selected]="draft().siteId === s.id">{{ s.name }}</option>
            }
          </select>
        </dh-field>
        <div class="dh-actions">
          <button type="submit" class="dh-button" [attr.aria-disabled]="saving() ? true : null">{{ saving() ? 'Skapar …' : 'Skapa koden' }}</button>
        </div>
      </form>
    </div>

    <p class="done" tabindex="-1" #done [class.dh-success]="!!notice()" role="status">{{ notice() }}</p>
    @if (actionError(); as message) {
      <p class="dh-alert" role="alert">{{ message }}</p>
    }

    <div role="heading" class="sub" [attr.aria-level]="level()">Aktiva koder</div>
    @if (codes.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta koderna just nu.</p>
        <button type="button" class="dh-button" (click)="codes.reload()">Försök igen</button>
      </div>
    } @else if (!codes.hasValue()) {
      <p class="dh-status">Hämtar koderna …</p>
    } @else if (active().length === 0) {
      <p class="dh-status">Det finns inga aktiva koder. Skapa en kod ovan.</p>
    } @else {
      <ul class="codes">
        @for (c of active(); track c.code) {
          <li class="dh-panel">
            <div role="heading" class="code" [attr.aria-level]="level() + 1">{{ c.code }}</div>
            <p class="label">{{ c.label }}</p>
            <p class="meta">
              {{ c.siteName }} · skapad {{ dayText(c.createdAt) }} · <span class="dh-badge dh-badge-active">Aktiv</span>
            </p>
            <dh-copy-link [label]="'Länk med koden ' + c.code" [controlId]="id + '-link-' + c.code" [url]="c.url" />
            <div class="dh-actions">
              <a class="dh-button-secondary" target="_blank" rel="noopener" [href]="slip(c.code)">
                Skriv ut lapp<span class="visually-hidden"> med koden {{ c.code }} (PDF, öppnas i en ny flik)</span>
              </a>
              <button type="button" class="dh-button-secondary danger" (click)="revoke(c)">
                Återkalla<span class="visually-hidden"> koden {{ c.code }}</span>
              </button>
            </div>
          </li>
        }
      </ul>
    }

    @if (revoked().length) {
      <div role="heading" class="sub" [attr.aria-level]="level()">Återkallade koder</div>
      <p class="dh-hint">Räknas inte längre hos er. Personer som redan har fått en lapp kan ändå boka, men de bokningarna räknas inte längre som era hänvisningar.</p>
      <ul class="revoked">
        @for (c of revoked(); track c.code) {
          <li>
            <span class="code small">{{ c.code }}</span> {{ c.label }} · {{ c.siteName }} ·
            <span class="dh-badge dh-badge-paused">Återkallad {{ dayText(c.revokedAt ?? c.createdAt) }}</span>
          </li>
        }
      </ul>
    }

    <dh-confirm-dialog />
  `,
  styles: `
    :host { display: block; }
    .sub { font-size: 1.2rem; font-weight: 700; margin-block: 1.5rem 0.5rem; }
    .new-code .sub { margin-block-start: 0; }
    .new-code .dh-actions { margin-block-end: 0; }
    .done:empty { display: none; }
    .done { margin-block: 1rem 0; }
    .done:focus { outline: none; }
    .done:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    .codes { display: grid; gap: 1rem; margin: 0; padding: 0; list-style: none; }
    .code { font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace; font-size: 2rem; font-weight: 700; letter-spacing: 0.08em; line-height: 1.2; }
    .code.small { font-size: 1.05rem; letter-spacing: 0.04em; }
    .label { margin-block: 0.25rem 0; font-weight: 600; font-size: 1.1rem; }
    .meta { margin-block: 0.25rem 0.75rem; color: var(--dh-muted); }
    .codes .dh-actions { margin-block: 0.75rem 0; }
    .danger { border-color: var(--dh-error); color: var(--dh-error); }
    .revoked { display: grid; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
    .revoked li { padding: 0.5rem 0.75rem; border-radius: 0.4rem; background: var(--dh-surface); border: 1px solid var(--dh-line); }
  `,
})
export class ReferralCodes {
  readonly partnerId = input.required<string>();
  /** The level of this part's own headings (each code is one level below). */
  readonly level = input(3);
  /** A code was made or revoked (lists that count active codes may want to reload). */
  readonly changed = output<void>();

  private readonly api = inject(PartnerApi);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly done = viewChild.required<ElementRef<HTMLElement>>('done');

  protected readonly id = `codes-${nextId++}`;
  protected readonly fields: SummaryField[] = [
    { name: 'label', id: `${this.id}-label`, label: 'Vad är koden till för?' },
    { name: 'siteId', id: `${this.id}-site`, label: 'Bibliotek' },
  ];
  protected readonly dayText = dayText;
  protected readonly sites = inject(PublicApi).siteNames();
  protected readonly codes = this.api.codes(() => this.partnerId());
  protected readonly active = computed(() => (this.codes.hasValue() ? this.codes.value().filter((c) => !c.revokedAt) : []));
  protected readonly revoked = computed(() => (this.codes.hasValue() ? this.codes.value().filter((c) => c.revokedAt) : []));

  protected readonly draft = signal({ label: '', siteId: '' });
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly notice = signal('');
  protected readonly actionError = signal<string | null>(null);

  protected set(field: 'label' | 'siteId', value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected slip(code: string): string {
    return slipUrl(this.partnerId(), code);
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    const input = { label: this.draft().label.trim(), siteId: this.draft().siteId };
    const fields: Record<string, string> = {};
    if (!input.label) fields['label'] = 'Skriv vad koden är till för, till exempel ”Jobbcoachning hösten 2026”.';
    if (!input.siteId) fields['siteId'] = 'Välj vilket bibliotek koden leder till.';
    if (Object.keys(fields).length) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields });
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.notice.set('');
    this.actionError.set(null);
    try {
      const created = await this.api.createCode(this.partnerId(), input);
      if (this.codes.hasValue()) this.codes.set([created, ...this.codes.value()]);
      else this.codes.reload();
      this.draft.set({ label: '', siteId: '' });
      this.announce(`Koden ${created.code} är skapad. Kopiera länken eller skriv ut en lapp till personen.`);
      this.changed.emit();
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected async revoke(code: ReferralCodeView): Promise<void> {
    const yes = await this.confirm().ask({
      title: `Återkalla koden ${code.code}?`,
      text: 'Dela inte ut koden mer. Personer som redan har fått en lapp eller länk kan ändå boka, men från nu räknas de bokningarna inte längre som era hänvisningar.',
      confirm: 'Ja, återkalla',
      cancel: 'Nej, behåll koden',
    });
    if (!yes) return;
    this.actionError.set(null);
    this.notice.set('');
    try {
      await this.api.revokeCode(this.partnerId(), code.code);
      const revokedAt = new Date().toISOString();
      if (this.codes.hasValue()) this.codes.set(this.codes.value().map((c) => (c.code === code.code ? { ...c, revokedAt } : c)));
      this.announce(`Koden ${code.code} är återkallad.`);
      this.changed.emit();
    } catch (error) {
      this.actionError.set(`Koden ${code.code} kunde inte återkallas. ${toApiError(error).message}`);
    }
  }

  /** The message takes focus: the button that was pressed may just have left the page. */
  private announce(message: string): void {
    this.notice.set(message);
    afterNextRender(() => this.done().nativeElement.focus(), { injector: this.injector });
  }
}
