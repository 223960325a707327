import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuthUser, MeView, PasswordResetRequest, Role } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** Where a signed-in person starts: coordinators in their area, everyone else on the staff start page. */
export function staffHome(role: Role): string {
  return role === 'coordinator' ? '/samordnare' : '/personal';
}

/** Minutes without activity before the sign-in ends, when the API has not said (its default). */
export const DEFAULT_IDLE_MINUTES = 15;

/** What protects a sign-in on a shared laptop: the idle limit and the key of the offline visit queue. */
export interface SignInProtection {
  idleMinutes: number;
  /** Base64 AES key for this sign-in; null until /api/auth/me has answered. */
  queueKey: string | null;
}

/** Why the sign-in ended here: the person chose to, or the API said it was gone (timed out, another tab). */
export type SignOutReason = 'signed-out' | 'expired';

/**
 * Who is signed in. The session cookie is HttpOnly, so the app asks the API (`/api/auth/me`);
 * the readable XSRF-TOKEN cookie, set together with it, tells whether asking is worth it, so
 * help-seekers (never signed in) do not send a request that can only answer 401.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<AuthUser | null>(null);
  private readonly currentProtection = signal<SignInProtection | null>(null);
  private readonly ended = signal<SignOutReason | null>(null);
  private loading: Promise<AuthUser | null> | null = null;

  readonly user = this.current.asReadonly();
  readonly protection = this.currentProtection.asReadonly();
  /** How the last sign-in ended; null while signed in or before anyone was. */
  readonly endReason = this.ended.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  /** False until the first answer about the session has arrived. */
  readonly loaded = signal(false);

  /** Resolves once the session is known; loads it on the first call. Guards await this. */
  ready(): Promise<AuthUser | null> {
    this.loading ??= this.fetchMe();
    return this.loading;
  }

  async login(email: string, password: string): Promise<AuthUser> {
    return this.signedInAs(await firstValueFrom(this.http.post<AuthUser | MeView>('/api/auth/login', { email, password })));
  }

  async acceptInvitation(token: string, password: string): Promise<AuthUser> {
    return this.signedInAs(await firstValueFrom(this.http.post<AuthUser | MeView>('/api/auth/invitations/accept', { token, password })));
  }

  /** Chooses a new password with a one-time link from a coordinator; every other sign-in ends, this one starts. */
  async resetPassword(token: string, password: string): Promise<AuthUser> {
    return this.signedInAs(await firstValueFrom(this.http.post<AuthUser | MeView>('/api/auth/password-reset', { token, password } satisfies PasswordResetRequest)));
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.http.post<void>('/api/auth/logout', null));
    this.forget('signed-out');
  }

  /** The sign-in has ended: by signing out, or because the API said it is gone (expired, signed out in another tab). */
  forget(reason: SignOutReason = 'expired'): void {
    this.current.set(null);
    this.currentProtection.set(null);
    this.ended.set(reason);
    this.loading = Promise.resolve(null);
    this.loaded.set(true);
  }

  /**
   * Asks the API again who is signed in. Also a sign of life: the API ends a sign-in after the idle
   * time without requests, so the page calls this while the helper is busy on it. Resolves false
   * when the sign-in has ended (401); network trouble is not an answer and resolves true.
   */
  async refresh(): Promise<boolean> {
    try {
      this.applyMe(await firstValueFrom(this.http.get<MeView>('/api/auth/me')));
      return true;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        if (this.current()) this.forget('expired');
        return false;
      }
      return true;
    }
  }

  private signedInAs(user: AuthUser | MeView): AuthUser {
    this.applyMe(user);
    this.loading = Promise.resolve(this.current());
    this.loaded.set(true);
    // The sign-in answer may lack the queue key and idle time; /api/auth/me has them.
    if (!('queueKey' in user)) void this.refresh();
    return this.current() as AuthUser;
  }

  private applyMe(me: AuthUser | MeView): void {
    const { id, email, name, role } = me;
    const partnerId = me.partnerId ?? null;
    const siteId = me.siteId ?? null;
    const known = this.current();
    // Keep the same object while nothing changed, so effects that follow the user do not run again.
    const same = known && known.id === id && known.email === email && known.name === name && known.role === role && (known.partnerId ?? null) === partnerId && (known.siteId ?? null) === siteId;
    if (!same) this.current.set({ id, email, name, role, partnerId, siteId });
    const idleMinutes = 'idleMinutes' in me && me.idleMinutes > 0 ? me.idleMinutes : DEFAULT_IDLE_MINUTES;
    const queueKey = 'queueKey' in me && me.queueKey ? me.queueKey : (this.currentProtection()?.queueKey ?? null);
    const protection = this.currentProtection();
    if (protection?.idleMinutes !== idleMinutes || protection.queueKey !== queueKey) this.currentProtection.set({ idleMinutes, queueKey });
    this.ended.set(null);
  }

  private async fetchMe(): Promise<AuthUser | null> {
    try {
      if (!/(?:^|;\s*)XSRF-TOKEN=/.test(this.document.cookie ?? '')) {
        this.current.set(null);
        return null;
      }
      this.applyMe(await firstValueFrom(this.http.get<MeView>('/api/auth/me')));
      return this.current();
    } catch (error) {
      // 401: not signed in. Offline or server down: signed out for now, guards send to sign-in.
      if (!(error instanceof HttpErrorResponse)) throw error;
      if (error.status !== 401) this.loading = null; // ask again on the next guard
      this.current.set(null);
      this.currentProtection.set(null);
      return null;
    } finally {
      this.loaded.set(true);
    }
  }
}
