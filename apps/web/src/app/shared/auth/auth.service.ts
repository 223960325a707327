import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuthUser, Role } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** Where a signed-in person starts: coordinators in their area, everyone else on the staff start page. */
export function staffHome(role: Role): string {
  return role === 'coordinator' ? '/samordnare' : '/personal';
}

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
  private loading: Promise<AuthUser | null> | null = null;

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  /** False until the first answer about the session has arrived. */
  readonly loaded = signal(false);

  /** Resolves once the session is known; loads it on the first call. Guards await this. */
  ready(): Promise<AuthUser | null> {
    this.loading ??= this.fetchMe();
    return this.loading;
  }

  async login(email: string, password: string): Promise<AuthUser> {
    return this.signedInAs(await firstValueFrom(this.http.post<AuthUser>('/api/auth/login', { email, password })));
  }

  async acceptInvitation(token: string, password: string): Promise<AuthUser> {
    return this.signedInAs(await firstValueFrom(this.http.post<AuthUser>('/api/auth/invitations/accept', { token, password })));
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.http.post<void>('/api/auth/logout', null));
    this.forget();
  }

  /** The API said the session is gone (expired, or signed out in another tab). */
  forget(): void {
    this.current.set(null);
    this.loading = Promise.resolve(null);
    this.loaded.set(true);
  }

  private signedInAs(user: AuthUser): AuthUser {
    this.current.set(user);
    this.loading = Promise.resolve(user);
    this.loaded.set(true);
    return user;
  }

  private async fetchMe(): Promise<AuthUser | null> {
    try {
      const user = /(?:^|;\s*)XSRF-TOKEN=/.test(this.document.cookie ?? '') ? await firstValueFrom(this.http.get<AuthUser>('/api/auth/me')) : null;
      this.current.set(user);
      return user;
    } catch (error) {
      // 401: not signed in. Offline or server down: signed out for now, guards send to sign-in.
      if (!(error instanceof HttpErrorResponse)) throw error;
      if (error.status !== 401) this.loading = null; // ask again on the next guard
      this.current.set(null);
      return null;
    } finally {
      this.loaded.set(true);
    }
  }
}
