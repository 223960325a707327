import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BookingCreatedView, StaffBookingInput } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';
import type { PublicSession } from '../../shared/data/public-api';

/** Which site's times to fetch, and for which local dates (both inclusive). */
export interface SessionRange {
  slug: string;
  from: string;
  to: string;
}

/** Booking on someone's behalf: the public times to choose from, and the staff endpoint to book. */
@Injectable({ providedIn: 'root' })
export class StaffBookingApi {
  private readonly http = inject(HttpClient);

  /** A site's sessions (cancelled ones too) in a range. No range: no request. */
  sessions(range: () => SessionRange | null) {
    return httpResource<PublicSession[]>(
      () => {
        const r = range();
        return r ? { url: `/api/public/sites/${encodeURIComponent(r.slug)}/sessions`, params: { from: r.from, to: r.to } } : undefined;
      },
      { defaultValue: [] },
    );
  }

  book(input: StaffBookingInput): Promise<BookingCreatedView> {
    return firstValueFrom(this.http.post<BookingCreatedView>('/api/staff/bookings', input));
  }
}
