import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ClosureCreatedView, ClosureInput, ClosurePreviewView, ClosureView, HolidaySessionView, HolidayView } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** Closures of a site or every site, and the holidays a site opens anyway (coordinators). */
@Injectable({ providedIn: 'root' })
export class ClosuresApi {
  private readonly http = inject(HttpClient);

  list() {
    return httpResource<ClosureView[]>(() => '/api/closures', { defaultValue: [] });
  }

  holidaySessions() {
    return httpResource<HolidaySessionView[]>(() => '/api/closures/holiday-sessions', { defaultValue: [] });
  }

  /** No site: no request. */
  holidays(siteId: () => string) {
    return httpResource<HolidayView[]>(() => (siteId() ? `/api/sites/${siteId()}/holidays` : undefined), { defaultValue: [] });
  }

  preview(input: ClosureInput): Promise<ClosurePreviewView> {
    return firstValueFrom(this.http.post<ClosurePreviewView>('/api/closures/preview', input));
  }

  close(input: ClosureInput): Promise<ClosureCreatedView> {
    return firstValueFrom(this.http.post<ClosureCreatedView>('/api/closures', input));
  }

  lift(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/closures/${id}`));
  }

  openHoliday(siteId: string, date: string): Promise<void> {
    return firstValueFrom(this.http.put<void>(`/api/sites/${siteId}/opened-dates/${date}`, {}));
  }

  closeHoliday(siteId: string, date: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/sites/${siteId}/opened-dates/${date}`));
  }
}
