import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ACCOUNT_STATUS_FILTERS, ROLES, type AccountListed, type ShiftNeedingPeople } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { formatDay, formatTimeRange } from '../../shared/data/dates';
import { ConfirmDialog, type Confirmation } from '../../shared/ui/confirm-dialog';
import { CopyLink } from '../../shared/ui/copy-link';
import { FIELD } from '../../shared/ui/field';
import { Pager } from '../../shared/ui/pager';
import { SignInThrottles } from '../sign-in-throttles/sign-in-throttles';
import { InviteForm } from './invite-form';
import { actionsFor, peopleText, PeopleStore, roleText, statusText, type PersonAction } from './people-store';

/** The role filter's choices, in the plural. */
const ROLE_FILTER: Record<(typeof ROLES)[number], string> = { helper: 'Digivärdar', coordinator: 'Samordnare', partner: 'Partner', 'library-staff': 'Bibliotekspersonal' };
const STATUS_FILTER: Record<(typeof ACCOUNT_STATUS_FILTERS)[number], string> = { active: 'Aktiva konton', invited: 'Inbjudna (inget lösenord än)', deactivated: 'Avstängda konton' };

const BUTTONS: Record<PersonAction, string> = {
  reset: 'Skicka länk för nytt lösenord',
  resend: 'Skicka inbjudan igen',
  revoke: 'Återkalla inbjudan',
  deactivate: 'Stäng av kontot',
  reactivate: 'Öppna kontot igen',
};

/** Actions that take something away ask first. */
function confirmationFor(action: PersonAction, person: AccountListed): Confirmation | null {
  if (action === 'deactivate') {
    return {
      title: `Stänga av kontot för ${person.name}?`,
      text: `${person.name} loggas ut direkt och kan inte logga in. Hen tas bort från kommande pass och kalenderlänken slutar fungera. Besök, timmar och OCN-underlag sparas. Du kan öppna kontot igen senare.`,
      confirm: 'Ja, stäng av kontot',
      cancel: 'Nej, behåll kontot',
    };
  }
  if (action === 'revoke') {
    return {
      title: `Återkalla inbjudan till ${person.name}?`,
      text: 'Länken i inbjudan slutar fungera. Du kan skicka en ny inbjudan senare.',
      confirm: 'Ja, återkalla inbjudan',
      cancel: 'Nej, behåll inbjudan',
    };
  }
  return null;
}

/**
 * People and accounts (/samordnare/personal): invite people, see everyone by role and status, resend or
 * revoke invitations, send a link for a new password, and turn accounts off and on. State lives in the store.
 */
@Component({
  selector: 'dh-people-page',
  imports: [InviteForm, FIELD, Pager, ConfirmDialog, CopyLink, RouterLink, SignInThrottles],
  providers: [PeopleStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './people-page.html',
  styleUrl: './people-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class PeoplePage {
  protected readonly store = inject(PeopleStore);
  private readonly me = inject(AuthService).user;
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly outcomeHeading = viewChild<ElementRef<HTMLElement>>('outcomeHeading');

  /** Helpers first: most people are. */
  protected readonly roles = (['helper', 'coordinator', 'partner', 'library-staff'] as const).map((role) => ({ value: role, label: ROLE_FILTER[role] }));
  protected readonly statuses = ACCOUNT_STATUS_FILTERS.map((status) => ({ value: status, label: STATUS_FILTER[status] }));
  protected readonly buttons = BUTTONS;
  protected readonly roleText = roleText;
  protected readonly statusText = statusText;

  protected readonly countText = computed(() => {
    const s = this.store;
    if (s.result.isLoading() && !s.result.hasValue()) return 'Hämtar personerna …';
    const total = s.total();
    if (total === 0) return s.filtered() ? 'Ingen person passar sökningen.' : 'Det finns inga personer än. Bjud in den första ovan.';
    const what = s.filtered() ? `${peopleText(total)} hittades` : peopleText(total);
    return s.pages() > 1 ? `${what}. Sida ${s.page()} av ${s.pages()}.` : `${what}.`;
  });

  protected actions(person: AccountListed): PersonAction[] {
    return actionsFor(person, this.me()?.id);
  }

  protected when(shift: ShiftNeedingPeople): string {
    return `${formatDay(shift.start, shift.timeZone, 'sv')} ${formatTimeRange(shift.start, shift.end, shift.timeZone, 'sv')}`;
  }

  protected async act(action: PersonAction, person: AccountListed): Promise<void> {
    const question = confirmationFor(action, person);
    if (question && !(await this.confirm().ask(question))) return;
    if (await this.store.run(action, person)) {
      afterNextRender(() => this.outcomeHeading()?.nativeElement.focus(), { injector: this.injector });
    }
  }
}
