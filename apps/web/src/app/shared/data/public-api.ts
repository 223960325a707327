import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BookingCreatedView,
  BookingNeedsView,
  BookingRequest,
  BookingView,
  Page,
  PublicSessionView,
  PublicSiteDetail,
  PublicSiteName,
  PublicSiteSummary,
  SlotView,
} from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** A bookable time; ISO 8601 with the site's offset, e.g. "2027-03-30T10:00:00+02:00". */
export type PublicSlot = SlotView;
export type PublicSession = PublicSessionView;

const sitePath = (slug: string) => `/api/public/sites/${encodeURIComponent(slug)}`;
const bookingPath = (token: string) => `/api/public/bookings/${encodeURIComponent(token)}`;

/**
 * Typed access to the public API (no sign-in). Reads are resources (signals: value, isLoading,
 * error, reload), writes are promises.
 */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);

  /**
   * One page (from 1, 20 sites) of the active sites with their next few planned sessions, alphabetically;
   * `q` keeps the sites whose name or address holds every word of it. A new q or page fetches again.
   */
  sites(q: () => string, page: () => number) {
    return httpResource<Page<PublicSiteSummary>>(() => {
      const text = q().trim();
      const params: Record<string, string | number> = { page: page() };
      if (text) params['q'] = text;
      return { url: '/api/public/sites', params };
    });
  }

  /** Every active site, alphabetically, by name only: for pickers. */
  siteNames() {
    return httpResource<PublicSiteName[]>(() => '/api/public/site-names', { defaultValue: [] });
  }

  /** No slug: no request. */
  site(slug: () => string | undefined) {
    return httpResource<PublicSiteDetail>(() => {
      const s = slug();
      return s ? sitePath(s) : undefined;
    });
  }

  /** The coming eight weeks (the API's default range), cancelled sessions included. No slug: no request. */
  sessions(slug: () => string | undefined) {
    return httpResource<PublicSession[]>(
      () => {
        const s = slug();
        return s ? `${sitePath(s)}/sessions` : undefined;
      },
      { defaultValue: [] },
    );
  }

  calendarUrl(slug: string): string {
    return `${sitePath(slug)}/calendar.ics`;
  }

  /** The booking behind a manage link. No token: no request. */
  booking(token: () => string | undefined) {
    return httpResource<BookingView>(() => {
      const t = token();
      return t ? bookingPath(t) : undefined;
    });
  }

  book(request: BookingRequest): Promise<BookingCreatedView> {
    return firstValueFrom(this.http.post<BookingCreatedView>('/api/public/bookings', request));
  }

  /** What the person wants help with: asked for only when they click to see it. */
  bookingNeeds(token: string): Promise<BookingNeedsView> {
    return firstValueFrom(this.http.get<BookingNeedsView>(`${bookingPath(token)}/needs`));
  }

  cancelBooking(token: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(bookingPath(token)));
  }

  moveBooking(token: string, slotId: string): Promise<BookingView> {
    return firstValueFrom(this.http.post<BookingView>(`${bookingPath(token)}/move`, { slotId }));
  }
}
