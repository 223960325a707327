import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HoursEntryView, HoursInput, MyHoursView, NoticeSettings, Page, StaffingView } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** The helper's own hours as CSV (a plain link: the browser downloads it with the session cookie). */
export const MY_HOURS_CSV_URL = '/api/hours/mine.csv';

/** The helper's part of the API: their shifts, open shifts, their private calendar link and their hours. */
@Injectable({ providedIn: 'root' })
export class HelperApi {
  private readonly http = inject(HttpClient);

  /** The helper's shifts from a week ago to `weeks` weeks ahead, cancelled sessions included. */
  myShifts(weeks: () => number) {
    return httpResource<StaffingView[]>(() => ({ url: '/api/shifts/mine', params: { weeks: weeks() } }), { defaultValue: [] });
  }

  /**
   * One page (PAGE_SIZES.openShifts, 50) of the planned sessions in the coming `weeks` weeks that still
   * need helpers and that the helper is not on, by start time, with the total.
   */
  openShifts(weeks: () => number, page: () => number) {
    return httpResource<Page<StaffingView>>(() => ({ url: '/api/shifts/open', params: { weeks: String(weeks()), page: String(page()) } }));
  }

  takeShift(sessionId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/sessions/${sessionId}/shifts/me`, null));
  }

  leaveShift(sessionId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/sessions/${sessionId}/shifts/me`));
  }

  /** A new private calendar link; the previous one stops working. */
  async newCalendarLink(): Promise<string> {
    return (await firstValueFrom(this.http.post<{ url: string }>('/api/me/calendar-feed', null))).url;
  }

  /** The helper's hours in a month ("2030-03"), the month's sums and the approved total. */
  myHours(month: () => string) {
    return httpResource<MyHoursView>(() => ({ url: '/api/hours/mine', params: { month: month() } }));
  }

  /** Time added by hand (training, preparation, a meeting …); it waits for a coordinator's approval. */
  addHours(input: HoursInput): Promise<HoursEntryView> {
    return firstValueFrom(this.http.post<HoursEntryView>('/api/hours', input));
  }

  /** Which e-mails about shifts the helper gets, and in which language. */
  noticeSettings() {
    return httpResource<NoticeSettings>(() => '/api/me/notice-settings');
  }

  saveNoticeSettings(settings: NoticeSettings): Promise<NoticeSettings> {
    return firstValueFrom(this.http.put<NoticeSettings>('/api/me/notice-settings', settings));
  }
}
