import { httpResource } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { PublicSite } from '@digihjalpen/domain';

/** Typed access to the public API (no sign-in). Resources are signals: value, isLoading, error, reload. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  sites() {
    return httpResource<PublicSite[]>(() => '/api/public/sites', { defaultValue: [] });
  }
}
