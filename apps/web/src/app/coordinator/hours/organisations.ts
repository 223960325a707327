import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, output, signal } from '@angular/core';
import type { FeeRecipient, OrganisationView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { toggled } from '../../shared/data/sets';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, helperHoursCsvUrl, type HelperListed, type OrganisationInput } from '../coordinator-api';
import { HelperList, HelperRow } from '../helpers/helper-list';
import { formatKronor } from './monthly-report';

export const FEE_RECIPIENT_LABELS: Readonly<Record<FeeRecipient, string>> = {
  person: 'Till digivärden själv',
  organisation: 'Till organisationen',
};

const FIELDS: SummaryField[] = [
  { name: 'name', id: 'org-name', label: 'Namn' },
  { name: 'feeRecipient', id: 'org-fee-person', label: 'Vem får arvodet' },
  { name: 'hourlyRate', id: 'org-rate', label: 'Timarvode' },
];

/** "No organisation" in the helpers' lists (the API takes null). */
const NONE = 'none';
const RATE = /^\d{1,5}([.,]\d{1,2})?$/;

interface Draft {
  name: string;
  feeRecipient: FeeRecipient | null;
  rate: string;
}

const EMPTY: Draft = { name: '', feeRecipient: null, rate: '' };

/**
 * The organisations helpers come from, and how each is paid: the fee (arvode) to the person or to the
 * organisation (a fee can affect a person's benefits, so each organisation decides), and the hourly rate.
 * Below, which organisation each helper belongs to.
 */
@Component({
  selector: 'dh-organisations',
  imports: [FIELD, ErrorSummary, HelperList, HelperRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="orgs-heading" tabindex="-1">Organisationer och arvode</h2>
    <p>
      Varje digivärd hör till en organisation. Organisationen bestämmer om arvodet betalas till digivärden själv eller till organisationen. Arvode kan påverka
      till exempel försörjningsstöd.
    </p>

    @if (organisations().length === 0) {
      <p class="dh-status">Det finns inga organisationer än. Lägg till den första nedan.</p>
    } @else {
      <div class="table-wrap" role="region" aria-labelledby="orgs-heading" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Arvodet betalas</th>
              <th scope="col" class="num">Timarvode</th>
              <th scope="col"><span class="visually-hidden">Ändra</span></th>
            </tr>
          </thead>
          <tbody>
            @for (o of organisations(); track o.id) {
              <tr>
                <th scope="row">{{ o.name }}</th>
                <td>{{ feeLabels[o.feeRecipient].toLocaleLowerCase('sv') }}</td>
                <td class="num">{{ o.hourlyRate === null ? 'Inget' : kr(o.hourlyRate) }}</td>
                <td class="action">
                  <button type="button" class="dh-button-secondary" [id]="'org-edit-' + o.id" (click)="edit(o)">
                    Ändra<span class="visually-hidden"> {{ o.name }}</span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }

    <div class="dh-panel org-form">
      <h3 id="org-form-heading" tabindex="-1">{{ editing() ? 'Ändra ' + editing()!.name : 'Lägg till organisation' }}</h3>
      @if (saved(); as message) {
        <p class="dh-success" role="status">{{ message }}</p>
      }
      <dh-error-summary [error]="error()" [fields]="fields" />
      <form novalidate (submit)="save($event)">
        <dh-field label="Namn" [error]="errors()['name']">
          <input dhControl #name id="org-name" autocomplete="off" [value]="draft().name" (input)="set('name', name.value)" />
        </dh-field>
        <dh-fieldset legend="Vem får arvodet?" controlId="org-fee-person" [error]="errors()['feeRecipient']">
          <ul class="dh-checks">
            @for (choice of feeChoices; track choice) {
              <li>
                <label class="dh-check">
                  <input type="radio" name="org-fee" [id]="'org-fee-' + choice" [checked]="draft().feeRecipient === choice" (change)="set('feeRecipient', choice)" />
                  {{ feeLabels[choice] }}
                </label>
              </li>
            }
          </ul>
        </dh-fieldset>
        <dh-field label="Timarvode i kronor (frivilligt)" hint="Kronor per godkänd timme. Lämna tomt om ni inte betalar per timme." [error]="errors()['hourlyRate']">
          <input dhControl #rate id="org-rate" class="dh-narrow" inputmode="decimal" autocomplete="off" [value]="draft().rate" (input)="set('rate', rate.value)" />
        </dh-field>
        <div class="dh-actions">
          <button type="submit" class="dh-button" [attr.aria-disabled]="saving() ? true : null">
            {{ saving() ? 'Sparar …' : editing() ? 'Spara ändringarna' : 'Lägg till organisationen' }}
          </button>
          @if (editing()) {
            <button type="button" class="dh-button-secondary" (click)="cancel()">Avbryt</button>
          }
        </div>
      </form>
    </div>

    <h2 id="members-heading">Digivärdarnas organisation</h2>
    <p>Sök fram digivärden, välj organisation och tryck på Spara. Du kan också ladda ner en digivärds alla timmar.</p>
    <dh-helper-list controlId="member-search">
      <ng-template dhHelperRow let-h>
        <form novalidate class="member" (submit)="saveMember($event, h)">
          <dh-field label="Organisation" [error]="memberErrors()[h.id]">
            <span dhLabelExtra> för <span class="member-name">{{ h.name }}</span></span>
            <select dhControl #pick [id]="'member-' + h.id" (change)="pickFor(h.id, pick.value)">
              <option value="" disabled [selected]="choiceOf(h) === ''">Välj organisation</option>
              <option [value]="none" [selected]="choiceOf(h) === none">Ingen organisation</option>
              @for (o of organisations(); track o.id) {
                <option [value]="o.id" [selected]="choiceOf(h) === o.id">{{ o.name }}</option>
              }
            </select>
          </dh-field>
          <button type="submit" class="dh-button-secondary" [attr.aria-disabled]="memberPending().has(h.id) ? true : null">
            Spara<span class="visually-hidden"> organisation för {{ h.name }}</span>
          </button>
          <a class="csv" [href]="csv(h.id)" download>Timmar (CSV)<span class="visually-hidden"> för {{ h.name }}</span></a>
          @if (memberSaved()[h.id]; as message) {
            <p class="member-saved" role="status">{{ message }}</p>
          }
        </form>
      </ng-template>
    </dh-helper-list>
  `,
  styles: `
    :host { display: block; }
    h2 { font-size: 1.4rem; margin-block: 0 0.5rem; }
    h2:focus { outline: none; }
    h2 + p { margin-block-start: 0; }
    #members-heading { margin-block-start: 2rem; }
    h3 { font-size: 1.2rem; margin-block: 0 0.75rem; }
    h3:focus { outline: none; }
    .table-wrap { overflow-x: auto; border: 1px solid var(--dh-line); border-radius: var(--dh-radius); background: var(--dh-surface); }
    .table-wrap:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 0.4rem 0.75rem; text-align: start; vertical-align: middle; border-block-end: 1px solid var(--dh-line); }
    thead th { background: #e3edf5; white-space: nowrap; }
    tbody tr:last-child > * { border-block-end: 0; }
    .num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .action { width: 1%; }
    .org-form { margin-block: 1rem; }
    .org-form .dh-success { margin-block: 0 1rem; }
    .member {
      display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1rem;
      padding: 0.5rem 1rem; border-radius: var(--dh-radius); background: var(--dh-surface); border: 1px solid var(--dh-line);
    }
    .member dh-field { flex: 1 1 16rem; max-width: 26rem; margin: 0; }
    .member-name { font-weight: 700; }
    .csv { display: inline-flex; align-items: center; min-height: 44px; font-weight: 600; }
    .member-saved { flex-basis: 100%; margin: 0; color: #14471f; font-weight: 600; }
  `,
})
export class Organisations {
  readonly organisations = input.required<readonly OrganisationView[]>();
  readonly organisationSaved = output<OrganisationView>();

  private readonly api = inject(CoordinatorApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly fields = FIELDS;
  protected readonly feeLabels = FEE_RECIPIENT_LABELS;
  protected readonly feeChoices: FeeRecipient[] = ['person', 'organisation'];
  protected readonly none = NONE;
  protected readonly draft = signal<Draft>(EMPTY);
  protected readonly editing = signal<OrganisationView | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly saved = signal<string | null>(null);

  /** The organisation picked in each helper's list, by helper id. */
  private readonly picked = signal<Readonly<Record<string, string>>>({});
  /** What was saved here, by helper id ('none' for no organisation). */
  private readonly known = signal<Readonly<Record<string, string>>>({});
  protected readonly memberPending = signal<ReadonlySet<string>>(new Set());
  protected readonly memberErrors = signal<Readonly<Record<string, string>>>({});
  protected readonly memberSaved = signal<Readonly<Record<string, string>>>({});

  protected set<K extends keyof Draft>(field: K, value: Draft[K]): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected kr(amount: number): string {
    return formatKronor(amount);
  }

  protected csv(helperId: string): string {
    return helperHoursCsvUrl(helperId);
  }

  protected edit(o: OrganisationView): void {
    this.editing.set(o);
    this.draft.set({ name: o.name, feeRecipient: o.feeRecipient, rate: o.hourlyRate === null ? '' : String(o.hourlyRate).replace('.', ',') });
    this.error.set(null);
    this.saved.set(null);
    this.focusLater('org-name');
  }

  protected cancel(): void {
    const id = this.editing()?.id;
    this.editing.set(null);
    this.draft.set(EMPTY);
    this.error.set(null);
    if (id) this.focusLater(`org-edit-${id}`);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.saved.set(null);
    const d = this.draft();
    const fields: Record<string, string> = {};
    const name = d.name.trim();
    const rate = d.rate.trim().replace(/\s/g, '');
    if (name.length < 2) fields['name'] = 'Skriv organisationens namn.';
    if (!d.feeRecipient) fields['feeRecipient'] = 'Välj vem arvodet betalas till.';
    if (rate && !RATE.test(rate)) fields['hourlyRate'] = 'Skriv timarvodet i kronor, till exempel 150, eller lämna tomt.';
    if (!d.feeRecipient || Object.keys(fields).length) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields });
      return;
    }
    const input: OrganisationInput = { name, feeRecipient: d.feeRecipient, hourlyRate: rate ? Number(rate.replace(',', '.')) : null };
    const editing = this.editing();
    this.saving.set(true);
    this.error.set(null);
    try {
      const saved = await this.api.saveOrganisation(input, editing?.id);
      this.organisationSaved.emit(saved);
      const message = editing ? `Ändringarna för ${saved.name} är sparade.` : `${saved.name} är tillagd.`;
      this.saved.set(message);
      this.editing.set(null);
      this.draft.set(EMPTY);
      this.focusLater('org-form-heading');
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  /** The list's choice: picked here, saved here, or what the API says. */
  protected choiceOf(h: HelperListed): string {
    const picked = this.picked()[h.id] ?? this.known()[h.id];
    if (picked !== undefined) return picked;
    return h.organisationId ?? NONE;
  }

  protected pickFor(helperId: string, value: string): void {
    this.picked.update((p) => ({ ...p, [helperId]: value }));
    this.memberSaved.update(({ [helperId]: _old, ...rest }) => rest);
    this.memberErrors.update(({ [helperId]: _old, ...rest }) => rest);
  }

  protected async saveMember(event: Event, h: HelperListed): Promise<void> {
    event.preventDefault();
    if (this.memberPending().has(h.id)) return;
    const choice = this.choiceOf(h);
    if (!choice) {
      this.memberErrors.update((e) => ({ ...e, [h.id]: 'Välj en organisation i listan först.' }));
      this.document.getElementById(`member-${h.id}`)?.focus();
      return;
    }
    this.memberPending.update((set) => toggled(set, h.id, true));
    this.memberErrors.update(({ [h.id]: _old, ...rest }) => rest);
    try {
      await this.api.setHelperOrganisation(h.id, choice === NONE ? null : choice);
      this.known.update((k) => ({ ...k, [h.id]: choice }));
      const org = this.organisations().find((o) => o.id === choice);
      const message = org ? `${h.name} hör nu till ${org.name}.` : `${h.name} hör inte till någon organisation nu.`;
      this.memberSaved.update((s) => ({ ...s, [h.id]: message }));
    } catch (error) {
      this.memberErrors.update((e) => ({ ...e, [h.id]: toApiError(error).message }));
    } finally {
      this.memberPending.update((set) => toggled(set, h.id, false));
    }
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
