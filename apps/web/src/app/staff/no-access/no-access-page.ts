import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService, staffHome } from '../../shared/auth/auth.service';

/** A signed-in person opened a page their role may not use. */
@Component({
  selector: 'dh-no-access-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Du har inte tillgång till den sidan</h1>
    @if (user(); as u) {
      <p>Du är inloggad som {{ u.name }}. Sidan är bara för samordnare. Tror du att det är fel? Fråga din samordnare.</p>
      <p><a class="dh-button" [routerLink]="home()">Till din startsida</a></p>
    } @else {
      <p>Logga in för att fortsätta.</p>
      <p><a class="dh-button" routerLink="/logga-in">Logga in</a></p>
    }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class NoAccessPage {
  protected readonly user = inject(AuthService).user;
  protected readonly home = computed(() => staffHome(this.user()?.role ?? 'helper'));
}
