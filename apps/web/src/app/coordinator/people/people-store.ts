import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import {
  ACCOUNT_STATUS_LABELS,
  PAGE_SIZES,
  pageCount,
  ROLE_LABELS,
  type AccountListed,
  type AccountQuery,
  type AccountStatusFilter,
  type Role,
  type ShiftNeedingPeople,
} from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { PeopleApi } from './people-api';

/** How long to wait after the last key press before searching (tests set 0). */
export const PEOPLE_SEARCH_DELAY = new InjectionToken<number>('PEOPLE_SEARCH_DELAY', { factory: () => 300 });

export type PersonAction = 'deactivate' | 'reactivate' | 'resend' | 'revoke' | 'reset';

/** What the last action did, said on the page (a status message, focused). */
export interface Outcome {
  action: PersonAction;
  person: AccountListed;
  text: string;
  /** Resend: the new link, to pass on another way when the e-mail does not arrive. */
  inviteUrl?: string;
  /** Deactivate: coming sessions that now lack helpers. */
  shiftsNeedingPeople?: ShiftNeedingPeople[];
}

const dateTime = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });
const date = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });
const time = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

export const peopleText = (n: number) => (n === 1 ? '1 person' : `${n} personer`);

/** The person's status in words, with the date that matters ("Inbjuden – länken gäller till 30 november kl. 13:00"). */
export function statusText(person: AccountListed): string {
  const label = ACCOUNT_STATUS_LABELS[person.status];
  if (person.status === 'invited' && person.invitationExpiresAt) return `${label} – länken gäller till ${dateTime.format(new Date(person.invitationExpiresAt))}`;
  if (person.status === 'deactivated' && person.deactivatedAt) return `${label} sedan ${date.format(new Date(person.deactivatedAt))}`;
  return label;
}

/** "digivärd på Bryggan", "partner för Kompetenscenter", "bibliotekspersonal på Stadsbiblioteket". */
export function roleText(person: AccountListed): string {
  const role = ROLE_LABELS[person.role];
  const b = person.belongsTo;
  if (!b) return role;
  return b.kind === 'partner' ? `${role} för ${b.name}` : `${role} på ${b.name}`;
}

/** The actions that make sense for a person now (never on the coordinator's own account). */
export function actionsFor(person: AccountListed, me: string | undefined): PersonAction[] {
  if (person.id === me) return [];
  switch (person.status) {
    case 'active':
      return ['reset', 'deactivate'];
    case 'invited':
      return ['resend', 'revoke', 'deactivate'];
    case 'invitation-expired':
    case 'invitation-revoked':
      return ['resend', 'deactivate'];
    case 'deactivated':
      return ['reactivate'];
  }
}

/**
 * State and actions of the people page: the filter (search as you type, role, status, page), the list,
 * and the account actions with what they did. The page asks for confirmation before it calls them.
 */
@Injectable()
export class PeopleStore {
  private readonly api = inject(PeopleApi);
  private readonly delay = inject(PEOPLE_SEARCH_DELAY);
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly text = signal('');
  private readonly q = signal('');
  readonly role = signal<Role | ''>('');
  readonly status = signal<AccountStatusFilter | ''>('');
  readonly page = signal(1);

  readonly query = computed<AccountQuery>(() => ({
    q: this.q(),
    ...(this.role() ? { role: this.role() as Role } : {}),
    ...(this.status() ? { status: this.status() as AccountStatusFilter } : {}),
    page: this.page(),
  }));
  readonly result = this.api.accounts(this.query);
  readonly items = computed(() => (this.result.hasValue() ? this.result.value().items : []));
  readonly total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));
  readonly pages = computed(() => (this.result.hasValue() ? pageCount(this.result.value().total, this.result.value().pageSize || PAGE_SIZES.accounts) : 1));
  readonly filtered = computed(() => !!this.q() || !!this.role() || !!this.status());

  /** The person an action is running for (their buttons wait). */
  readonly busy = signal<string | null>(null);
  readonly outcome = signal<Outcome | null>(null);
  readonly error = signal<{ person: AccountListed; error: ApiError } | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  search(value: string): void {
    this.text.set(value);
    clearTimeout(this.timer);
    const apply = () => {
      this.page.set(1);
      this.q.set(value.trim().slice(0, 100));
    };
    if (this.delay > 0) this.timer = setTimeout(apply, this.delay);
    else apply();
  }

  setRole(value: string): void {
    this.role.set((value as Role) || '');
    this.page.set(1);
  }

  setStatus(value: string): void {
    this.status.set((value as AccountStatusFilter) || '');
    this.page.set(1);
  }

  goTo(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pages()));
  }

  /** Runs an action for a person; true when it went through. The list is fetched again after it. */
  async run(action: PersonAction, person: AccountListed): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(person.id);
    this.error.set(null);
    try {
      this.outcome.set(await this.call(action, person));
      this.result.reload();
      return true;
    } catch (error) {
      this.error.set({ person, error: toApiError(error) });
      return false;
    } finally {
      this.busy.set(null);
    }
  }

  dismiss(): void {
    this.outcome.set(null);
    this.error.set(null);
  }

  private async call(action: PersonAction, person: AccountListed): Promise<Outcome> {
    switch (action) {
      case 'deactivate': {
        const done = await this.api.deactivate(person.id);
        const ended = done.signInsEnded ? ` ${done.signInsEnded === 1 ? 'En inloggning' : `${done.signInsEnded} inloggningar`} avslutades.` : '';
        const shifts = done.shiftsRemoved ? ` Hen togs bort från ${done.shiftsRemoved === 1 ? '1 kommande pass' : `${done.shiftsRemoved} kommande pass`}.` : '';
        return { action, person: done.account, text: `${person.name}s konto är avstängt.${ended}${shifts}`, shiftsNeedingPeople: done.shiftsNeedingPeople };
      }
      case 'reactivate': {
        const account = await this.api.reactivate(person.id);
        const how = account.status === 'active' ? 'Hen kan logga in med sitt gamla lösenord, eller så skickar du en länk för nytt lösenord.' : 'Skicka inbjudan igen så att hen kan välja lösenord.';
        return { action, person: account, text: `${person.name}s konto är öppet igen. ${how}` };
      }
      case 'resend': {
        const sent = await this.api.resendInvitation(person.id);
        return { action, person: sent.account, text: `En ny inbjudan är skickad till ${sent.account.email}. Den gamla länken fungerar inte längre.`, inviteUrl: sent.inviteUrl };
      }
      case 'revoke': {
        const account = await this.api.revokeInvitation(person.id);
        return { action, person: account, text: `Inbjudan till ${person.name} är återkallad. Länken fungerar inte längre.` };
      }
      case 'reset': {
        const sent = await this.api.sendPasswordReset(person.id);
        return {
          action,
          person: sent.account,
          text: `En länk för nytt lösenord är skickad till ${sent.sentTo}. Den fungerar en gång och gäller till kl. ${time.format(new Date(sent.expiresAt))}.`,
        };
      }
    }
  }
}
