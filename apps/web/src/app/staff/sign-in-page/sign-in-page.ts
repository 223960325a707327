import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { safeReturnUrl, type SignInPageState } from '../../shared/auth/auth.guards';
import { AuthService, staffHome } from '../../shared/auth/auth.service';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';

const FIELDS: SummaryField[] = [
  { name: 'email', id: 'sign-in-email', label: 'E-postadress' },
  { name: 'password', id: 'sign-in-password', label: 'Lösenord' },
];

/** Sign-in for staff (helpers, coordinators, partners). Help-seekers never need an account. */
@Component({
  selector: 'dh-sign-in-page',
  imports: [ErrorSummary, FIELD, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class SignInPage {
  /** ?till=/samordnare/… : where to go after signing in. */
  readonly till = input<string>();

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly user = this.auth.user;
  protected readonly fields = FIELDS;
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly showPassword = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly fieldErrors = computed(() => this.error()?.fields ?? {});
  /** Set by the staff bar (signing out, switching helper, idle sign-out) or the expired-session interceptor. */
  private readonly arrival = (this.router.currentNavigation()?.extras.state ?? {}) as SignInPageState;
  protected readonly signedOut = !!this.arrival.signedOut;
  protected readonly switched = !!this.arrival.switched;
  protected readonly expired = !!this.arrival.expired;
  protected readonly idleMinutes = this.arrival.idleMinutes ?? null;

  protected readonly home = computed(() => {
    const user = this.user();
    return user ? staffHome(user.role) : '/';
  });

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    const email = this.email().trim();
    const password = this.password();
    const missing: Record<string, string> = {};
    if (!email) missing['email'] = 'Skriv din e-postadress.';
    if (!password) missing['password'] = 'Skriv ditt lösenord.';
    if (Object.keys(missing).length) {
      this.error.set({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: missing });
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const user = await this.auth.login(email, password);
      await this.router.navigateByUrl(safeReturnUrl(this.till()) ?? staffHome(user.role));
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.pending.set(false);
    }
  }
}
