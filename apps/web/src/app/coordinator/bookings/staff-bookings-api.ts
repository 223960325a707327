import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, StaffBookingDetail, StaffBookingListItem, StaffBookingQuery, StaffCancelRequest, StaffMoveRequest, SuspiciousRunCancelled } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** Staff finding, seeing, cancelling and moving bookings (coordinators, library staff; helpers on today's sessions). */
@Injectable({ providedIn: 'root' })
export class StaffBookingsApi {
  private readonly http = inject(HttpClient);

  /** One page of bookings; no query, no request. */
  list(query: () => StaffBookingQuery | null) {
    return httpResource<Page<StaffBookingListItem>>(() => {
      const q = query();
      if (!q) return undefined;
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(q)) if (value !== undefined && value !== null && value !== '') params[key] = String(value);
      return { url: '/api/staff/bookings', params };
    });
  }

  /** One booking with the same contact's history (counts); no id, no request. */
  detail(id: () => string | null) {
    return httpResource<StaffBookingDetail>(() => {
      const bookingId = id();
      return bookingId ? `/api/staff/bookings/${bookingId}` : undefined;
    });
  }

  cancel(id: string, body: StaffCancelRequest): Promise<StaffBookingDetail> {
    return firstValueFrom(this.http.post<StaffBookingDetail>(`/api/staff/bookings/${id}/cancel`, body));
  }

  /** Cancels every booking of this booking's suspicious run that the caller may change. */
  cancelRun(id: string, body: StaffCancelRequest): Promise<SuspiciousRunCancelled> {
    return firstValueFrom(this.http.post<SuspiciousRunCancelled>(`/api/staff/bookings/${id}/cancel-run`, body));
  }

  move(id: string, body: StaffMoveRequest): Promise<StaffBookingDetail> {
    return firstValueFrom(this.http.post<StaffBookingDetail>(`/api/staff/bookings/${id}/move`, body));
  }
}
