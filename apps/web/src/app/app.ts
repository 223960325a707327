import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AuthService } from './shared/auth/auth.service';
import { SIGN_IN_PATH } from './shared/auth/auth.guards';
import { LanguageSwitch } from './shared/ui/language-switch';

@Component({
  selector: 'dh-root',
  imports: [RouterOutlet, RouterLink, TranslocoPipe, LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly auth = inject(AuthService);
  protected readonly signOutFailed = signal(false);

  constructor() {
    void this.auth.ready();
    this.moveFocusOnPageChange();
  }

  protected async signOut(): Promise<void> {
    this.signOutFailed.set(false);
    try {
      await this.auth.logout();
      await this.router.navigateByUrl(SIGN_IN_PATH, { state: { signedOut: true } });
    } catch {
      this.signOutFailed.set(true);
    }
  }

  /**
   * A screen reader hears nothing when a single-page app changes page; moving focus to <main>
   * (as the skip link does) starts reading at the new content. Not on the first load, and not when
   * only the query changes (choosing a language keeps focus on the language button).
   */
  private moveFocusOnPageChange(): void {
    let previousPath: string | null = null;
    const subscription = this.router.events.pipe(filter((e): e is NavigationEnd => e instanceof NavigationEnd)).subscribe((e) => {
      const path = e.urlAfterRedirects.split(/[?#]/)[0] ?? '';
      if (previousPath !== null && path !== previousPath) {
        setTimeout(() => this.document.getElementById('main')?.focus({ preventScroll: true }));
      }
      previousPath = path;
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
}
