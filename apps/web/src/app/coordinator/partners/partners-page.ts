import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PartnerView } from '@digihjalpen/domain';
import { PartnerApi } from '../../partner/partner-api';
import { ReferralCodes } from '../../partner/referral-codes';
import { ReferralFunnel } from '../../partner/referral-funnel';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';

const FIELDS: SummaryField[] = [{ name: 'name', id: 'partner-name', label: 'Organisationens namn' }];

const byName = (a: PartnerView, b: PartnerView) => a.name.localeCompare(b.name, 'sv');

/**
 * Partner organisations that refer people (the skills centre, social services …): add one, then invite
 * its staff under Personal. Each partner's figures and codes are the ones the partner sees itself.
 */
@Component({
  selector: 'dh-partners-page',
  imports: [RouterLink, FIELD, ErrorSummary, ReferralFunnel, ReferralCodes],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './partners-page.html',
  styleUrl: './partners-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class PartnersPage {
  private readonly api = inject(PartnerApi);
  private readonly injector = inject(Injector);
  private readonly detailHeading = viewChild<ElementRef<HTMLElement>>('detailHeading');
  private readonly added = viewChild<ElementRef<HTMLElement>>('added');

  protected readonly fields = FIELDS;
  protected readonly partners = this.api.partners();
  protected readonly sorted = computed(() => [...(this.partners.hasValue() ? this.partners.value() : [])].sort(byName));
  private readonly selectedId = signal<string | null>(null);
  /** In a list of one, so that the figures and codes start afresh for each partner. */
  protected readonly selected = computed(() => this.sorted().filter((p) => p.id === this.selectedId()));

  protected readonly name = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly created = signal<PartnerView | null>(null);

  protected select(partner: PartnerView): void {
    this.selectedId.set(partner.id);
    afterNextRender(() => this.detailHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    const name = this.name().trim();
    if (!name) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: { name: 'Skriv organisationens namn.' } });
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.created.set(null);
    try {
      const partner = await this.api.createPartner(name);
      if (this.partners.hasValue()) this.partners.set([...this.partners.value(), partner]);
      else this.partners.reload();
      this.name.set('');
      this.created.set(partner);
      afterNextRender(() => this.added()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
