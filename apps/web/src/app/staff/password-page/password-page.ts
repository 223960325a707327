import { HttpClient } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MIN_PASSWORD_LENGTH } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService, staffHome } from '../../shared/auth/auth.service';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';

const FIELDS: SummaryField[] = [
  { name: 'currentPassword', id: 'password-current', label: 'Nuvarande lösenord' },
  { name: 'newPassword', id: 'password-new', label: 'Nytt lösenord' },
  { name: 'repeat', id: 'password-repeat', label: 'Upprepa det nya lösenordet' },
];

/** The API names the new password `password` in WEAK_PASSWORD (shared with the invitation); on this form it is `newPassword`. */
function onThisForm(error: ApiError): ApiError {
  const { password, ...rest } = error.fields;
  return password && !rest['newPassword'] ? { ...error, fields: { ...rest, newPassword: password } } : error;
}

/**
 * Any signed-in person changes their password (/personal/losenord). The API then ends the person's
 * other sign-ins, so a password someone else learned stops working everywhere; this one stays.
 */
@Component({
  selector: 'dh-password-page',
  imports: [ErrorSummary, FIELD, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './password-page.html',
  styleUrl: './password-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class PasswordPage {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly user = inject(AuthService).user;
  protected readonly home = computed(() => {
    const user = this.user();
    return user ? staffHome(user.role) : '/personal';
  });

  protected readonly fields = FIELDS;
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly repeat = signal('');
  protected readonly showPassword = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly fieldErrors = computed(() => this.error()?.fields ?? {});
  protected readonly changed = signal(false);
  protected readonly length = computed(() => [...this.next()].length);

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    this.changed.set(false);
    const problems = this.check();
    if (Object.keys(problems).length) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: problems });
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/password', { currentPassword: this.current(), newPassword: this.next() }));
      this.current.set('');
      this.next.set('');
      this.repeat.set('');
      this.showPassword.set(false);
      this.changed.set(true);
      afterNextRender(() => this.document.getElementById('password-changed')?.focus(), { injector: this.injector });
    } catch (error) {
      this.error.set(onThisForm(toApiError(error)));
    } finally {
      this.pending.set(false);
    }
  }

  /** What the browser can check itself; the API checks the rest (the current password, common passwords). */
  private check(): Record<string, string> {
    const problems: Record<string, string> = {};
    if (!this.current()) problems['currentPassword'] = 'Skriv ditt nuvarande lösenord.';
    if (!this.next()) problems['newPassword'] = 'Skriv ett nytt lösenord.';
    else if (this.length() < MIN_PASSWORD_LENGTH) problems['newPassword'] = `Lösenordet behöver minst ${MIN_PASSWORD_LENGTH} tecken. Tips: skriv några ord i rad.`;
    else if (this.next() === this.current()) problems['newPassword'] = 'Det nya lösenordet är samma som det nuvarande. Välj ett annat.';
    if (!this.repeat()) problems['repeat'] = 'Skriv det nya lösenordet en gång till.';
    else if (this.next() && this.repeat() !== this.next()) problems['repeat'] = 'Lösenorden är inte likadana. Skriv samma nya lösenord i båda fälten.';
    return problems;
  }
}
