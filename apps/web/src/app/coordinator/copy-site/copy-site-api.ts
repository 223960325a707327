import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CopySiteInput, SiteCopyView } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** Kopiera plats: POST /api/sites/{id}/copy. */
@Injectable({ providedIn: 'root' })
export class CopySiteApi {
  private readonly http = inject(HttpClient);

  copy(sourceId: string, input: CopySiteInput): Promise<SiteCopyView> {
    return firstValueFrom(this.http.post<SiteCopyView>(`/api/sites/${sourceId}/copy`, input));
  }
}

/** The message the new site's page shows after a copy (passed in the navigation's history state). */
export const COPIED_STATE_KEY = 'siteCopied';

/** The message a copy left for the site page, if the page was opened right after one. */
export function messageAfterCopy(document: Document): string | null {
  const state: unknown = document.defaultView?.history.state;
  const message = state && typeof state === 'object' ? (state as Record<string, unknown>)[COPIED_STATE_KEY] : null;
  return typeof message === 'string' ? message : null;
}
