import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { VisitQueue } from '../../data/visit-queue/visit-queue';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { SIGN_IN_PATH, type SignInPageState } from '../auth.guards';
import { AuthService } from '../auth.service';
import { IdleSignOut } from '../idle-sign-out';
import { IdleWarning } from '../idle-warning';

/**
 * The signed-in person's bar under the header, and what keeps a shared laptop safe: "Byt digivärd",
 * signing out (with a warning when visits are still unsent), and the idle sign-out. Loaded only once
 * someone signs in (@defer in the app shell), so help-seekers never download it.
 */
@Component({
  selector: 'dh-staff-bar',
  imports: [RouterLink, TranslocoPipe, ConfirmDialog, IdleWarning],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-bar.html',
  styleUrl: './staff-bar.css',
})
export class StaffBar {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly queue = inject(VisitQueue);
  protected readonly idle = inject(IdleSignOut);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly user = this.auth.user;
  protected readonly signOutFailed = signal(false);
  protected readonly unsent = computed(() => this.queue.all().length);
  private leaving = false;

  constructor() {
    effect(() => {
      const protection = this.auth.protection();
      untracked(() => {
        if (!protection) return this.idle.stop();
        const minutes = protection.idleMinutes;
        this.idle.start(minutes, { timeout: () => void this.idleSignOut(minutes), ping: () => void this.stillHere() });
      });
    });
    inject(DestroyRef).onDestroy(() => this.idle.stop());
  }

  /** "Logga ut" and "Byt digivärd": both end the sign-in; the sign-in page then says which. */
  protected async signOut(how: 'signed-out' | 'switched'): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    this.signOutFailed.set(false);
    try {
      if (this.queue.waiting() > 0) await this.queue.flush();
      const unsent = this.unsent();
      if (unsent > 0) {
        const yes = await this.confirm().ask({
          title: `${unsent} besök har inte skickats. Logga ut ändå?`,
          text: 'Besöken finns bara på den här datorn och försvinner när du loggar ut. Vänta hellre tills internet fungerar igen.',
          confirm: 'Ja, logga ut ändå',
          cancel: 'Nej, vänta',
        });
        if (!yes) return;
      }
      await this.auth.logout();
      this.queue.clear();
      const state: SignInPageState = how === 'switched' ? { switched: true } : { signedOut: true };
      await this.router.navigateByUrl(SIGN_IN_PATH, { state });
    } catch {
      this.signOutFailed.set(true);
    } finally {
      this.leaving = false;
    }
  }

  /** The idle time has passed: everything goes, even if the API cannot be reached to say so. */
  protected async idleSignOut(minutes: number): Promise<void> {
    this.queue.clear();
    try {
      await this.auth.logout();
    } catch {
      this.auth.forget('signed-out');
    }
    const state: SignInPageState = { idleMinutes: minutes };
    await this.router.navigateByUrl(SIGN_IN_PATH, { state, replaceUrl: true });
  }

  private async stillHere(): Promise<void> {
    if (!(await this.auth.refresh())) {
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { till: this.router.url }, state: { expired: true } satisfies SignInPageState });
    }
  }
}
