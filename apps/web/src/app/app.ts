import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ViewContainerRef, effect, inject, viewChild } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AuthService } from './shared/auth/auth.service';
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
  private readonly staffBar = viewChild.required('staffBar', { read: ViewContainerRef });

  constructor() {
    void this.auth.ready();
    this.moveFocusOnPageChange();
    this.loadStaffBarAtSignIn();
  }

  /**
   * The staff bar (and with it the idle sign-out and the visit queue) is fetched the first time
   * someone is signed in, and stays: it hides itself while nobody is.
   */
  private loadStaffBarAtSignIn(): void {
    let loading = false;
    effect(() => {
      if (loading || !this.auth.user()) return;
      loading = true;
      const slot = this.staffBar();
      void import('./shared/auth/staff-bar/staff-bar').then((m) => slot.createComponent(m.StaffBar));
    });
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
