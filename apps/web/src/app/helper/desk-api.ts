import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Attendance, DeskSessionView, SessionReportDraft, SessionReportInput } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** The helper's desk on the day: today's sessions, check-ins, and the end-of-session report. Visits go through VisitQueue. */
@Injectable({ providedIn: 'root' })
export class DeskApi {
  private readonly http = inject(HttpClient);

  /** Today's sessions (the site's date) the helper has a shift on, with who booked. */
  today() {
    return httpResource<DeskSessionView[]>(() => '/api/desk/today', { defaultValue: [] });
  }

  checkIn(sessionId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/desk/sessions/${sessionId}/check-in`, null));
  }

  /** Also makes a pending hours entry for the shift. */
  checkOut(sessionId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/desk/sessions/${sessionId}/check-out`, null));
  }

  /** Came (checked in), did not come, or null to undo either. */
  setAttendance(bookingId: string, attendance: Attendance | null): Promise<void> {
    return firstValueFrom(this.http.put<void>(`/api/desk/bookings/${bookingId}/attendance`, { attendance }));
  }

  /** The report's counts as the log has them; no request while `sessionId` is undefined. */
  reportDraft(sessionId: () => string | undefined) {
    return httpResource<SessionReportDraft>(() => {
      const id = sessionId();
      return id ? `/api/desk/sessions/${id}/report-draft` : undefined;
    });
  }

  sendReport(sessionId: string, report: SessionReportInput): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/desk/sessions/${sessionId}/report`, report));
  }
}
