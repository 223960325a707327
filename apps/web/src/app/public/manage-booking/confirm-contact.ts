import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import type { ConfirmContactRequest } from '@digihjalpen/domain';

/**
 * A manage link from an e-mail carries a proof (`?c=`) that the reader got that e-mail. It is sent once, so
 * the contact counts as confirmed (the per-contact limit then counts the booking from any network), and is
 * dropped from the address bar at once, so the browser's history keeps the link without it. Nothing is shown:
 * a wrong or old proof changes nothing for the person. Call from an injection context; answers whether a
 * proof was sent.
 */
export function confirmContactFromLink(): boolean {
  const route = inject(ActivatedRoute);
  const token = route.snapshot.paramMap.get('token');
  const proof = route.snapshot.queryParamMap.get('c');
  if (!token || !proof) return false;
  void inject(Router).navigate([], { relativeTo: route, queryParams: { c: null }, queryParamsHandling: 'merge', replaceUrl: true });
  const body: ConfirmContactRequest = { proof };
  inject(HttpClient)
    .post<void>(`/api/public/bookings/${encodeURIComponent(token)}/confirm-contact`, body)
    .subscribe({ error: () => undefined });
  return true;
}
