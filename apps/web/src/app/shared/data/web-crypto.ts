import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/** The browser's Web Crypto; tests give Node's (jsdom has no `crypto.subtle`). */
export const WEB_CRYPTO = new InjectionToken<Crypto>('WEB_CRYPTO', {
  providedIn: 'root',
  factory: () => {
    const crypto = inject(DOCUMENT).defaultView?.crypto;
    if (!crypto) throw new Error('No Web Crypto in this browser');
    return crypto;
  },
});
