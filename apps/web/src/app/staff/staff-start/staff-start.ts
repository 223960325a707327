import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../shared/auth/auth.service';

const ROLE_NAMES = { coordinator: 'samordnare', helper: 'digivärd', partner: 'partner' } as const;

/** Where helpers and partners land after signing in, until their own pages exist. */
@Component({
  selector: 'dh-staff-start',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as u) {
      <h1>Hej {{ u.name }}!</h1>
      <p>Du är inloggad som {{ roleNames[u.role] }}.</p>
      @if (u.role === 'coordinator') {
        <p><a class="dh-button" routerLink="/samordnare">Till samordnarens sidor</a></p>
      } @else {
        <p class="dh-status">Här kommer du snart att se dina pass och kunna logga besök och timmar.</p>
      }
      <p class="dh-hint">Använder du en delad dator? Logga ut när du är klar.</p>
    }
  `,
  host: { lang: 'sv' },
})
export class StaffStart {
  protected readonly user = inject(AuthService).user;
  protected readonly roleNames = ROLE_NAMES;
}
