import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import type { Role } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { CopyLink } from '../../shared/ui/copy-link';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, type InvitationCreated } from '../coordinator-api';

export const ROLE_CHOICES: { role: Role; name: string; description: string }[] = [
  { role: 'helper', name: 'Digivärd', description: 'hjälper besökare på träffarna och tar pass' },
  { role: 'coordinator', name: 'Samordnare', description: 'lägger in platser och scheman och bemannar träffarna' },
  { role: 'partner', name: 'Partner', description: 'till exempel Kompetenscentret, som hänvisar personer' },
];

const FIELDS: SummaryField[] = [
  { name: 'name', id: 'invite-name', label: 'Namn' },
  { name: 'email', id: 'invite-email', label: 'E-postadress' },
  { name: 'role', id: 'invite-role', label: 'Roll' },
];

/**
 * Coordinators invite staff: the person gets an e-mail with a link to choose a password. The link is
 * also shown here, to pass on another way when the e-mail does not arrive.
 */
@Component({
  selector: 'dh-staff-invitations-page',
  imports: [ErrorSummary, FIELD, CopyLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-invitations-page.html',
  styleUrl: './staff-invitations-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class StaffInvitationsPage {
  private readonly api = inject(CoordinatorApi);
  private readonly injector = inject(Injector);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');

  protected readonly fields = FIELDS;
  protected readonly roles = ROLE_CHOICES;
  protected readonly draft = signal<{ name: string; email: string; role: Role }>({ name: '', email: '', role: 'helper' });
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly sent = signal<InvitationCreated | null>(null);
  protected readonly helpers = this.api.helpers();

  protected set(field: 'name' | 'email', value: string): void {
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
    const invitation = { name: d.name.trim(), email: d.email.trim(), role: d.role };
    const missing: Record<string, string> = {};
    if (!invitation.name) missing['name'] = 'Skriv personens namn.';
    if (!invitation.email) missing['email'] = 'Skriv personens e-postadress.';
    if (Object.keys(missing).length) {
      this.error.set({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: missing });
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const created = await this.api.invite(invitation);
      this.sent.set(created);
      this.draft.set({ name: '', email: '', role: 'helper' });
      if (created.user.role === 'helper') this.helpers.reload();
      afterNextRender(() => this.resultHeading()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.pending.set(false);
    }
  }

  /** Back to an empty form for the next person. */
  protected inviteAnother(): void {
    this.sent.set(null);
    this.error.set(null);
    afterNextRender(() => this.nameInput()?.nativeElement.focus(), { injector: this.injector });
  }
}
