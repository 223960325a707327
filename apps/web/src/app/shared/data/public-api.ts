import { httpResource } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { PublicSite } from '@digihjalpen/domain';

export interface PublicSlot {
  id: string;
  /** ISO 8601 with the site's offset, e.g. "2027-03-30T10:00:00+02:00". */
  start: string;
  end: string;
  seats: number;
  seatsLeft: number;
}

export interface PublicSession {
  id: string;
  start: string;
  end: string;
  status: 'planned' | 'cancelled';
  dropIn: boolean;
  slots: PublicSlot[];
}

const sitePath = (slug: string) => `/api/public/sites/${encodeURIComponent(slug)}`;

/** Typed access to the public API (no sign-in). Resources are signals: value, isLoading, error, reload. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  sites() {
    return httpResource<PublicSite[]>(() => '/api/public/sites', { defaultValue: [] });
  }

  site(slug: () => string) {
    return httpResource<PublicSite>(() => sitePath(slug()));
  }

  /** The coming eight weeks (the API's default range), cancelled sessions included. */
  sessions(slug: () => string) {
    return httpResource<PublicSession[]>(() => `${sitePath(slug())}/sessions`, { defaultValue: [] });
  }

  calendarUrl(slug: string): string {
    return `${sitePath(slug)}/calendar.ics`;
  }
}
