import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ErasureResult, PrivacyRequestView, PrivacySettingsView } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** The file with everything held about the person (a plain link: the browser downloads it with the session cookie). */
export function privacyExportUrl(reference: string): string {
  return `/api/privacy/bookings/${encodeURIComponent(reference)}/export.json`;
}

/** Right of access and erasure by booking reference (coordinators). */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  settings() {
    return httpResource<PrivacySettingsView>(() => '/api/privacy/settings');
  }

  find(reference: string): Promise<PrivacyRequestView> {
    return firstValueFrom(this.http.get<PrivacyRequestView>(`/api/privacy/bookings/${encodeURIComponent(reference)}`));
  }

  erase(reference: string): Promise<ErasureResult> {
    return firstValueFrom(this.http.post<ErasureResult>(`/api/privacy/bookings/${encodeURIComponent(reference)}/erase`, {}));
  }
}
