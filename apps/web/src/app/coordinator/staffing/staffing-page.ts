import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_TIME_ZONE, isUnderstaffed, type AuthUser, type StaffingView } from '@digihjalpen/domain';
import { toApiError } from '../../shared/data/api-error';
import { formatDateRange, formatDay, formatTime, groupBy, isoWeekOf, todayIn } from '../../shared/data/dates';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi } from '../coordinator-api';
import { toggled } from '../../shared/data/sets';

export const WEEK_CHOICES = [4, 8] as const;
type Weeks = (typeof WEEK_CHOICES)[number];

interface SessionView {
  id: string;
  siteId: string;
  siteName: string;
  /** Local date (YYYY-MM-DD) in Stockholm. */
  date: string;
  day: string;
  time: string;
  /** "Stadsbiblioteket tisdag 24 november 10:00–12:00", for labels that must make sense alone. */
  label: string;
  cancelled: boolean;
  understaffed: boolean;
  helpersNeeded: number;
  helpers: { id: string; name: string }[];
  /** Helpers who could still be added (not on the session yet). */
  available: AuthUser[];
}

interface WeekView {
  key: string;
  heading: string;
  range: string;
  sessions: SessionView[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');

/**
 * Who works when: every site's sessions in the coming weeks, grouped by week, with the helpers on
 * shift. The coordinator adds and removes helpers here; gaps are flagged in words.
 */
@Component({
  selector: 'dh-staffing-page',
  imports: [RouterLink, FIELD, ConfirmDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staffing-page.html',
  styleUrl: './staffing-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class StaffingPage {
  private readonly api = inject(CoordinatorApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly weekChoices = WEEK_CHOICES;
  protected readonly weeks = signal<Weeks>(4);
  protected readonly staffing = this.api.staffing(this.weeks);
  protected readonly helpers = this.api.helpers();

  /** The helper picked in each session's "Lägg till" list, by session id. */
  protected readonly picked = signal<Readonly<Record<string, string>>>({});
  /** A message under a session's list after adding failed, by session id. */
  protected readonly assignErrors = signal<Readonly<Record<string, string>>>({});
  /** Sessions with a change on its way to the API. */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  protected readonly announcement = signal('');

  protected readonly sessionViews = computed<SessionView[]>(() => {
    const everyone = this.helpers.hasValue() ? [...this.helpers.value()].sort(byName) : [];
    return this.staffing.value().map((s) => this.toView(s, everyone));
  });

  protected readonly weekViews = computed<WeekView[]>(() =>
    groupBy(this.sessionViews(), (s) => isoWeekOf(s.date).monday).map(({ key, items }) => {
      const week = isoWeekOf(key);
      return { key, heading: `Vecka ${week.week}`, range: formatDateRange(week.monday, week.sunday, 'sv'), sessions: items };
    }),
  );

  protected readonly understaffedCount = computed(() => this.sessionViews().filter((s) => s.understaffed).length);

  protected setWeeks(weeks: Weeks): void {
    this.weeks.set(weeks);
    this.assignErrors.set({});
    this.announcement.set('');
  }

  protected pick(sessionId: string, helperId: string): void {
    this.picked.update((p) => ({ ...p, [sessionId]: helperId }));
    this.setError(sessionId, null);
  }

  protected async assign(event: Event, session: SessionView): Promise<void> {
    event.preventDefault();
    if (this.pending().has(session.id)) return;
    const helper = session.available.find((h) => h.id === this.picked()[session.id]);
    if (!helper) {
      this.setError(session.id, 'Välj en digivärd i listan först.');
      this.document.getElementById(`assign-${session.id}`)?.focus();
      return;
    }
    this.setPending(session.id, true);
    this.setError(session.id, null);
    try {
      await this.api.assignHelper(session.id, helper.id);
      this.updateSession(session.id, (s) => ({ ...s, helpers: [...s.helpers, { id: helper.id, name: helper.name }].sort(byName) }));
      this.picked.update((p) => ({ ...p, [session.id]: '' }));
      this.announcement.set(`${helper.name} har nu passet ${session.label}.`);
      // The last helper who could be added: the list and its button are gone, so focus the session.
      if (session.available.length === 1) this.focusSession(session.id);
    } catch (error) {
      const apiError = toApiError(error);
      this.setError(session.id, apiError.fields['helperId'] ?? apiError.message);
      // Someone else changed the session (cancelled it, or added the helper): show how it is now.
      if (apiError.status === 409) this.staffing.reload();
    } finally {
      this.setPending(session.id, false);
    }
  }

  protected async askToRemove(session: SessionView, helper: { id: string; name: string }): Promise<void> {
    const yes = await this.confirm().ask({
      title: `Ta bort ${helper.name} från passet?`,
      text: `${session.label}. Passet blir ledigt, och andra digivärdar kan ta det.`,
      confirm: 'Ja, ta bort',
      cancel: 'Nej, behåll',
    });
    if (!yes || this.pending().has(session.id)) return;
    this.setPending(session.id, true);
    this.setError(session.id, null);
    try {
      await this.api.removeHelper(session.id, helper.id);
      this.updateSession(session.id, (s) => ({ ...s, helpers: s.helpers.filter((h) => h.id !== helper.id) }));
      this.announcement.set(`${helper.name} har inte längre passet ${session.label}.`);
    } catch (error) {
      const apiError = toApiError(error);
      this.announcement.set(apiError.message);
      this.setError(session.id, apiError.message);
      if (apiError.status === 404 || apiError.status === 409) this.staffing.reload();
    } finally {
      this.setPending(session.id, false);
      // The "Ta bort" button is gone (or the list changed); start again at the session.
      this.focusSession(session.id);
    }
  }

  private toView(s: StaffingView, everyone: AuthUser[]): SessionView {
    const day = formatDay(s.start, DEFAULT_TIME_ZONE, 'sv');
    const time = `${formatTime(s.start, DEFAULT_TIME_ZONE, 'sv')}–${formatTime(s.end, DEFAULT_TIME_ZONE, 'sv')}`;
    return {
      id: s.sessionId,
      siteId: s.siteId,
      siteName: s.siteName,
      date: todayIn(DEFAULT_TIME_ZONE, new Date(s.start)),
      day,
      time,
      label: `${s.siteName} ${day.toLocaleLowerCase('sv')} ${time}`,
      cancelled: s.status === 'cancelled',
      understaffed: s.understaffed,
      helpersNeeded: s.helpersNeeded,
      helpers: s.helpers,
      available: everyone.filter((h) => !s.helpers.some((on) => on.id === h.id)),
    };
  }

  private updateSession(id: string, change: (s: StaffingView) => StaffingView): void {
    this.staffing.update((list) =>
      list.map((s) => {
        if (s.sessionId !== id) return s;
        const next = change(s);
        return { ...next, understaffed: isUnderstaffed({ status: next.status, helpersNeeded: next.helpersNeeded, helpers: next.helpers.length }) };
      }),
    );
  }

  private setError(sessionId: string, message: string | null): void {
    this.assignErrors.update((errors) => {
      const { [sessionId]: _old, ...rest } = errors;
      return message ? { ...rest, [sessionId]: message } : rest;
    });
  }

  private setPending(sessionId: string, on: boolean): void {
    this.pending.update((set) => toggled(set, sessionId, on));
  }

  private focusSession(id: string): void {
    afterNextRender(() => this.document.getElementById(`session-${id}`)?.focus(), { injector: this.injector });
  }
}
