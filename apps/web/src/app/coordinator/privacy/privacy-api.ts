import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ErasureResult, PrivacyRequestView, PrivacyScope, PrivacySettingsView, ProofCodeRequest, ProofCodeSent, ProofGranted } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

const base = (reference: string) => `/api/privacy/bookings/${encodeURIComponent(reference)}`;
const scoped = (url: string, scope: PrivacyScope) => (scope === 'contact' ? `${url}?scope=contact` : url);

/** The file with what is held (a plain link: the browser downloads it with the session cookie). */
export function privacyExportUrl(reference: string, scope: PrivacyScope = 'booking'): string {
  return scoped(`${base(reference)}/export.json`, scope);
}

/**
 * Right of access and erasure by booking reference (coordinators): that booking, or with scope `contact`
 * every booking with its e-mail address once the person has read out the one-time code.
 */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  settings() {
    return httpResource<PrivacySettingsView>(() => '/api/privacy/settings');
  }

  find(reference: string, scope: PrivacyScope = 'booking'): Promise<PrivacyRequestView> {
    return firstValueFrom(this.http.get<PrivacyRequestView>(scoped(base(reference), scope)));
  }

  erase(reference: string, scope: PrivacyScope = 'booking'): Promise<ErasureResult> {
    return firstValueFrom(this.http.post<ErasureResult>(scoped(`${base(reference)}/erase`, scope), {}));
  }

  sendCode(reference: string): Promise<ProofCodeSent> {
    return firstValueFrom(this.http.post<ProofCodeSent>(`${base(reference)}/code`, {}));
  }

  verifyCode(reference: string, code: string): Promise<ProofGranted> {
    const body: ProofCodeRequest = { code };
    return firstValueFrom(this.http.post<ProofGranted>(`${base(reference)}/code/verify`, body));
  }
}
