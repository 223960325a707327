import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, output, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AuthUser, Role } from '@digihjalpen/domain';
import { PartnerApi } from '../../partner/partner-api';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { CopyLink } from '../../shared/ui/copy-link';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, type Invitation, type InvitationCreated } from '../coordinator-api';

export const ROLE_CHOICES: { role: Role; name: string; description: string }[] = [
  { role: 'helper', name: 'Digivärd', description: 'hjälper besökare på träffarna och tar pass' },
  { role: 'coordinator', name: 'Samordnare', description: 'lägger in platser och scheman och bemannar träffarna' },
  { role: 'partner', name: 'Partner', description: 'till exempel Kompetenscentret, som hänvisar personer' },
  { role: 'library-staff', name: 'Bibliotekspersonal', description: 'kan boka åt besökare på sitt bibliotek' },
];

const FIELDS: SummaryField[] = [
  { name: 'name', id: 'invite-name', label: 'Namn' },
  { name: 'email', id: 'invite-email', label: 'E-postadress' },
  { name: 'role', id: 'invite-role', label: 'Roll' },
  { name: 'partnerId', id: 'invite-partner', label: 'Partnerorganisation' },
  { name: 'siteId', id: 'invite-site', label: 'Bibliotek' },
];

interface Draft {
  name: string;
  email: string;
  role: Role;
  /** Only for role partner. */
  partnerId: string;
  /** Only for role library-staff. */
  siteId: string;
}

const EMPTY: Draft = { name: '', email: '', role: 'helper', partnerId: '', siteId: '' };

/**
 * Coordinators invite staff: the person gets an e-mail with a link to choose a password. The link is
 * also shown here, to pass on another way when the e-mail does not arrive. Part of the people page.
 */
@Component({
  selector: 'dh-invite-form',
  imports: [ErrorSummary, FIELD, CopyLink, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invite-form.html',
  styleUrl: './invite-form.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class InviteForm {
  /** Someone was invited: the page's list shows them. */
  readonly invited = output<AuthUser>();
  private readonly api = inject(CoordinatorApi);
  private readonly injector = inject(Injector);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');

  protected readonly fields = FIELDS;
  protected readonly roles = ROLE_CHOICES;
  protected readonly draft = signal<Draft>(EMPTY);
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly sent = signal<InvitationCreated | null>(null);
  /** Where the invited person works, in words: "för Kompetenscenter", "på Stadsbiblioteket". */
  protected readonly sentWhere = signal('');
  /** A partner's staff belong to a partner organisation; library staff to one library. */
  protected readonly partners = inject(PartnerApi).partners();
  protected readonly sites = this.api.sites();

  protected set(field: 'name' | 'email' | 'partnerId' | 'siteId', value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected setRole(value: string): void {
    const choice = ROLE_CHOICES.find((c) => c.role === value);
    if (choice) this.draft.update((d) => ({ ...d, role: choice.role }));
  }

  protected roleName(role: Role): string {
    return ROLE_CHOICES.find((c) => c.role === role)?.name.toLocaleLowerCase('sv') ?? role;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    const d = this.draft();
    // partnerId and siteId go only with the role that needs them.
    const invitation: Invitation & { partnerId?: string; siteId?: string } = {
      name: d.name.trim(),
      email: d.email.trim(),
      role: d.role,
      ...(d.role === 'partner' ? { partnerId: d.partnerId } : {}),
      ...(d.role === 'library-staff' ? { siteId: d.siteId } : {}),
    };
    const missing: Record<string, string> = {};
    if (!invitation.name) missing['name'] = 'Skriv personens namn.';
    if (!invitation.email) missing['email'] = 'Skriv personens e-postadress.';
    if (d.role === 'partner' && !d.partnerId) {
      missing['partnerId'] = this.partners.hasValue() && this.partners.value().length === 0 ? 'Lägg till partnerorganisationen under Partner först.' : 'Välj vilken partnerorganisation personen arbetar på.';
    }
    if (d.role === 'library-staff' && !d.siteId) missing['siteId'] = 'Välj vilket bibliotek personen arbetar på.';
    if (Object.keys(missing).length) {
      this.error.set({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: missing });
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const created = await this.api.invite(invitation);
      this.sentWhere.set(this.whereOf(d));
      this.sent.set(created);
      this.draft.set(EMPTY);
      this.invited.emit(created.user);
      if (created.user.role === 'partner') this.partners.reload();
      afterNextRender(() => this.resultHeading()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.pending.set(false);
    }
  }

  private whereOf(d: Draft): string {
    if (d.role === 'partner') {
      const partner = this.partners.hasValue() ? this.partners.value().find((p) => p.id === d.partnerId) : undefined;
      return partner ? ` för ${partner.name}` : '';
    }
    if (d.role === 'library-staff') {
      const site = this.sites.value().find((s) => s.id === d.siteId);
      return site ? ` på ${site.name}` : '';
    }
    return '';
  }

  /** Back to an empty form for the next person. */
  protected inviteAnother(): void {
    this.sent.set(null);
    this.error.set(null);
    afterNextRender(() => this.nameInput()?.nativeElement.focus(), { injector: this.injector });
  }
}
