import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuthUser,
  EquipmentIssueView,
  FeeRecipient,
  HelperListed,
  HoursEntryView,
  MonthlyReportView,
  NewSite,
  OrganisationView,
  Page,
  Role,
  Schedule,
  ScheduleInput,
  Site,
  StaffingView,
  VisitCategoryView,
  VisitFilter,
  VisitInput,
  VisitPage,
  VisitView,
} from '@digihjalpen/domain';
import { PAGE_SIZES } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';
import type { PublicSession } from '../shared/data/public-api';

/** A session as coordinators see it: the public fields plus staffing and bookings. */
export interface CoordinatorSession extends PublicSession {
  scheduleId: string | null;
  cancelReason: string | null;
  helpersNeeded: number;
  helpers: number;
  understaffed: boolean;
  seatsBooked: number;
}

/** One date a schedule would produce (preview); times are ISO 8601 with the site's offset. */
export interface PreviewDate {
  date: string;
  start: string;
  end: string;
}

export interface ScheduleChange {
  schedule: Schedule;
  created: number;
  removed: number;
  needsDecision: { id: string; start: string }[];
}

/** A one-off extra session (POST /api/sites/{id}/sessions); times are wall times at the site. */
export interface OneOffSessionInput {
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  seatsPerSlot: number;
  dropIn: boolean;
  helpersNeeded: number;
}

/** Rows per page of the visit log (the API's page size). */
export const VISITS_PER_PAGE = PAGE_SIZES.visits;

/** The filter as query parameters: only what is set. */
export function visitFilterParams(filter: VisitFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(filter)) if (typeof value === 'string' && value) params[name] = value;
  return params;
}

/** The CSV export of the visit log with this filter (a plain link: the browser downloads it with the session cookie). */
export function visitsCsvUrl(filter: VisitFilter): string {
  const query = new URLSearchParams(visitFilterParams(filter)).toString();
  return `/api/visits.csv${query ? `?${query}` : ''}`;
}

export type { HelperListed } from '@digihjalpen/domain';

/** What to ask /api/helpers for: words to search for (empty: everyone) and the page (from 1). */
export interface HelperQuery {
  q: string;
  page: number;
}

/** What to ask /api/staffing for: the coming 4 or 8 weeks, some sites (none: every site) and the page. */
export interface StaffingQuery {
  weeks: number;
  siteIds: readonly string[];
  page: number;
}

export interface OrganisationInput {
  name: string;
  feeRecipient: FeeRecipient;
  hourlyRate: number | null;
}

export type HoursDecision = 'approved' | 'rejected';

/** A helper's hours as CSV (audited). */
export function helperHoursCsvUrl(helperId: string): string {
  return `/api/helpers/${helperId}/hours.csv`;
}

/** An organisation's monthly report as CSV or PDF (audited). */
export function reportUrl(organisationId: string, month: string, format: 'csv' | 'pdf'): string {
  return `/api/organisations/${organisationId}/report.${format}?month=${month}`;
}

export interface Invitation {
  email: string;
  name: string;
  role: Role;
}

export interface InvitationCreated {
  user: AuthUser;
  /** The link that was also e-mailed; it holds a secret and works once, for 7 days. */
  inviteUrl: string;
}

/** The coordinator part of the API. Reads are resources (signals), writes are promises. */
@Injectable({ providedIn: 'root' })
export class CoordinatorApi {
  private readonly http = inject(HttpClient);

  sites() {
    return httpResource<Site[]>(() => '/api/sites', { defaultValue: [] });
  }

  site(id: () => string) {
    return httpResource<Site>(() => `/api/sites/${id()}`);
  }

  schedules(siteId: () => string) {
    return httpResource<Schedule[]>(() => `/api/sites/${siteId()}/schedules`, { defaultValue: [] });
  }

  /** The next eight weeks (the API's default range). */
  sessions(siteId: () => string) {
    return httpResource<CoordinatorSession[]>(() => `/api/sites/${siteId()}/sessions`, { defaultValue: [] });
  }

  /**
   * Dates of the next 8 weeks a schedule would give; nothing is saved. `undefined` input: no request.
   * When a schedule is being edited, its id keeps the API from calling it an overlap with itself.
   */
  preview(siteId: () => string, input: () => ScheduleInput | undefined, editing: () => string | null = () => null) {
    return httpResource<PreviewDate[]>(() => {
      const body = input();
      if (!body) return undefined;
      const scheduleId = editing();
      return { url: `/api/sites/${siteId()}/schedules/preview`, method: 'POST', body, ...(scheduleId ? { params: { scheduleId } } : {}) };
    });
  }

  createSite(site: NewSite): Promise<Site> {
    return firstValueFrom(this.http.post<Site>('/api/sites', site));
  }

  /** The slug never changes (posters and links keep working), so it is not sent. */
  updateSite(id: string, site: Omit<NewSite, 'slug'>): Promise<Site> {
    return firstValueFrom(this.http.put<Site>(`/api/sites/${id}`, site));
  }

  createSchedule(siteId: string, input: ScheduleInput): Promise<ScheduleChange> {
    return firstValueFrom(this.http.post<ScheduleChange>(`/api/sites/${siteId}/schedules`, input));
  }

  /** Keeps the sessions that still match, removes unused ones that do not, and lists the rest in needsDecision. */
  updateSchedule(scheduleId: string, input: ScheduleInput): Promise<ScheduleChange> {
    return firstValueFrom(this.http.put<ScheduleChange>(`/api/schedules/${scheduleId}`, input));
  }

  addSession(siteId: string, input: OneOffSessionInput): Promise<CoordinatorSession> {
    return firstValueFrom(this.http.post<CoordinatorSession>(`/api/sites/${siteId}/sessions`, input));
  }

  cancelSession(sessionId: string, reason: string): Promise<CoordinatorSession> {
    return firstValueFrom(this.http.post<CoordinatorSession>(`/api/sessions/${sessionId}/cancel`, { reason }));
  }

  /** One page of the helpers by name (50 a page), only those matching every word of `q`; `undefined`: no request. */
  helpers(query: () => HelperQuery | undefined) {
    return httpResource<Page<HelperListed>>(() => {
      const current = query();
      if (!current) return undefined;
      const q = current.q.trim();
      return { url: '/api/helpers', params: { ...(q ? { q } : {}), page: String(current.page) } };
    });
  }

  /** One helper by id (404 when there is no active helper with that id). */
  helper(id: () => string) {
    return httpResource<HelperListed>(() => `/api/helpers/${id()}`);
  }

  /** One page (200 sessions) of the coming sessions at the chosen sites, or every site, by start time, with who is on shift. */
  staffing(query: () => StaffingQuery) {
    return httpResource<Page<StaffingView>>(() => {
      const { weeks, siteIds, page } = query();
      return { url: '/api/staffing', params: { weeks: String(weeks), ...(siteIds.length ? { sites: siteIds.join(',') } : {}), page: String(page) } };
    });
  }

  assignHelper(sessionId: string, helperId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/sessions/${sessionId}/shifts`, { helperId }));
  }

  removeHelper(sessionId: string, helperId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/sessions/${sessionId}/shifts/${helperId}`));
  }

  /** One page of the visit log, newest first. */
  visits(query: () => { filter: VisitFilter; page: number }) {
    return httpResource<VisitPage>(() => {
      const { filter, page } = query();
      return { url: '/api/visits', params: { ...visitFilterParams(filter), page: String(page) } };
    });
  }

  /** Corrects a logged visit (the API keeps an audit trail); the client id and session stay as they were. */
  updateVisit(id: string, visit: VisitInput): Promise<VisitView> {
    return firstValueFrom(this.http.put<VisitView>(`/api/visits/${id}`, visit));
  }

  deleteVisit(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/visits/${id}`));
  }

  addVisitCategory(label: string): Promise<VisitCategoryView> {
    return firstValueFrom(this.http.post<VisitCategoryView>('/api/visit-categories', { label }));
  }

  /** Equipment problems from session reports that are not fixed yet. */
  openEquipmentIssues() {
    return httpResource<EquipmentIssueView[]>(() => ({ url: '/api/equipment-issues', params: { open: 'true' } }), { defaultValue: [] });
  }

  markEquipmentFixed(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/equipment-issues/${id}/fixed`, null));
  }

  invite(invitation: Invitation): Promise<InvitationCreated> {
    return firstValueFrom(this.http.post<InvitationCreated>('/api/auth/invitations', invitation));
  }

  /** One page (100) of the hours waiting for approval; flagged ones (a forgotten check-out) first, then the oldest. */
  pendingHours(page: () => number) {
    return httpResource<Page<HoursEntryView>>(() => ({ url: '/api/hours/pending', params: { page: String(page()) } }));
  }

  /** Approves or rejects all of `ids`, or none of them; a rejection needs a reason. */
  async decideHours(ids: string[], decision: HoursDecision, reason: string | null): Promise<number> {
    const body = decision === 'rejected' ? { ids, decision, reason } : { ids, decision };
    return (await firstValueFrom(this.http.post<{ decided: number }>('/api/hours/decisions', body))).decided;
  }

  organisations() {
    return httpResource<OrganisationView[]>(() => '/api/organisations', { defaultValue: [] });
  }

  saveOrganisation(input: OrganisationInput, id?: string): Promise<OrganisationView> {
    return firstValueFrom(id ? this.http.put<OrganisationView>(`/api/organisations/${id}`, input) : this.http.post<OrganisationView>('/api/organisations', input));
  }

  setHelperOrganisation(helperId: string, organisationId: string | null): Promise<void> {
    return firstValueFrom(this.http.put<void>(`/api/helpers/${helperId}/organisation`, { organisationId }));
  }

  /** An organisation's approved hours in a month; `undefined`: no request. */
  monthlyReport(query: () => { organisationId: string; month: string } | undefined) {
    return httpResource<MonthlyReportView>(() => {
      const q = query();
      return q ? { url: `/api/organisations/${q.organisationId}/report`, params: { month: q.month } } : undefined;
    });
  }
}
