import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { MIN_PASSWORD_LENGTH } from '@digihjalpen/domain';
import { AuthService, staffHome } from '../../shared/auth/auth.service';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';

const FIELDS: SummaryField[] = [{ name: 'password', id: 'reset-password', label: 'Nytt lösenord' }];

/**
 * A staff member chooses a new password with a one-time link a coordinator sent (/aterstall/:token), and is
 * signed in; every other sign-in of theirs ends.
 */
@Component({
  selector: 'dh-reset-page',
  imports: [ErrorSummary, FIELD, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-page.html',
  styleUrl: '../sign-in-page/sign-in-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class ResetPage {
  /** From the route (/aterstall/:token). */
  readonly token = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly fields = FIELDS;
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly password = signal('');
  protected readonly showPassword = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  private readonly injector = inject(Injector);
  private readonly invalidAlert = viewChild<ElementRef<HTMLElement>>('invalidAlert');
  /** 410: used, run out, or replaced by a newer link; or a link cut short (400 on the token). The form is no use then. */
  protected readonly invalid = computed(() => this.error()?.code === 'RESET_LINK_INVALID' || Boolean(this.error()?.fields['token']));
  protected readonly invalidMessage = computed(() => this.error()?.fields['token'] ?? this.error()?.message ?? '');
  protected readonly passwordError = computed(() => this.error()?.fields['password'] ?? null);
  protected readonly length = computed(() => [...this.password()].length);

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    if (this.length() < MIN_PASSWORD_LENGTH) {
      const message = `Lösenordet behöver minst ${MIN_PASSWORD_LENGTH} tecken. Tips: skriv några ord i rad.`;
      this.error.set({ status: 0, code: 'WEAK_PASSWORD', message: 'Välj ett längre lösenord.', fields: { password: message } });
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const user = await this.auth.resetPassword(this.token(), this.password());
      await this.router.navigateByUrl(staffHome(user.role));
    } catch (error) {
      this.error.set(toApiError(error));
      // The form goes away with the focus in it: the message about the link gets the focus.
      if (this.invalid()) afterNextRender(() => this.invalidAlert()?.nativeElement.focus(), { injector: this.injector });
    } finally {
      this.pending.set(false);
    }
  }
}
