import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';

const KEY = 'dh-referral-opened:';

/**
 * Tells the API that a booking page was opened from a partner's link or slip (?ref=CODE), so the
 * partner's figures count the person as referred. Once per browser tab and code: going back and
 * forth between the steps or reloading does not count again. It never stands in the way of booking:
 * a failure is ignored (and may be tried again on the next opening).
 */
@Injectable({ providedIn: 'root' })
export class ReferralOpened {
  private readonly http = inject(HttpClient);
  private readonly storage = storageOf(inject(DOCUMENT));
  /** Codes told in this page's lifetime, for when the browser keeps no session storage. */
  private readonly told = new Set<string>();

  tell(code: string): void {
    const key = KEY + code.toUpperCase();
    if (this.told.has(key) || this.read(key)) return;
    this.told.add(key);
    this.write(key, true);
    this.http.post<void>(`/api/public/referrals/${encodeURIComponent(code)}/opened`, null).subscribe({
      error: () => {
        this.told.delete(key);
        this.write(key, false);
      },
    });
  }

  /** Forgets every code told in this tab (for a shared computer: nothing says which partner sent the person). */
  forgetAll(): void {
    this.told.clear();
    try {
      const storage = this.storage;
      if (!storage) return;
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(KEY) ?? false);
      for (const key of keys) storage.removeItem(key);
    } catch {
      // Storage blocked: nothing was kept there.
    }
  }

  private read(key: string): boolean {
    try {
      const value = this.storage?.getItem(key);
      return value !== null && value !== undefined;
    } catch {
      return false;
    }
  }

  private write(key: string, on: boolean): void {
    try {
      if (on) this.storage?.setItem(key, '1');
      else this.storage?.removeItem(key);
    } catch {
      // Storage blocked or full: the in-memory set still keeps it to once per page.
    }
  }
}

function storageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.sessionStorage ?? null;
  } catch {
    return null;
  }
}
