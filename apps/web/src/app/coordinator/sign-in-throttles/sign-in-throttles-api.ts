import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SignInThrottleView } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** GET and DELETE /api/sign-in-throttles (coordinators). */
@Injectable({ providedIn: 'root' })
export class SignInThrottlesApi {
  private readonly http = inject(HttpClient);

  list() {
    return httpResource<SignInThrottleView[]>(() => '/api/sign-in-throttles', { defaultValue: [] });
  }

  clear(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/sign-in-throttles/${encodeURIComponent(id)}`));
  }
}
