import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Injectable, computed, inject, signal } from '@angular/core';
import type { OpenShiftsDigestSetting } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../shared/data/api-error';

const URL = '/api/helper-notices/open-shifts-digest';

@Injectable({ providedIn: 'root' })
export class OpenShiftsDigestApi {
  private readonly http = inject(HttpClient);

  setting() {
    return httpResource<OpenShiftsDigestSetting>(() => URL);
  }

  save(enabled: boolean): Promise<OpenShiftsDigestSetting> {
    return firstValueFrom(this.http.put<OpenShiftsDigestSetting>(URL, { enabled } satisfies OpenShiftsDigestSetting));
  }
}

/**
 * The coordinators' switch for the weekly e-mail to helpers about open shifts (sessions in the next two
 * weeks that need helpers). One switch for everyone: it is off until a coordinator turns it on.
 */
@Component({
  selector: 'dh-open-shifts-digest',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="digest-heading">Mejl om lediga pass</h2>
    <p class="dh-hint" id="digest-hint">
      Varje måndag morgon får digivärdarna ett mejl med de träffar de kommande två veckorna som behöver fler digivärdar. Det gäller alla digivärdar,
      utom dem som har valt bort mejlet.
    </p>
    @if (setting.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta om mejlet är på just nu.</p>
        <button type="button" class="dh-button-secondary" (click)="setting.reload()">Försök igen</button>
      </div>
    } @else {
      <label class="dh-check">
        <input
          #toggle
          type="checkbox"
          role="switch"
          aria-describedby="digest-hint"
          [checked]="enabled()"
          [disabled]="!setting.hasValue()"
          [attr.aria-busy]="saving() ? true : null"
          (change)="save(toggle.checked)"
        />
        Skicka mejl om lediga pass till digivärdarna varje vecka
      </label>
    }
    <p class="status" [class.failed]="failed()" role="status">{{ message() }}</p>
  `,
  styles: `
    :host { display: block; }
    h2 { font-size: 1.25rem; margin-block: 0 0.25rem; }
    .status { margin: 0.25rem 0 0; min-height: 1.5em; font-weight: 600; color: #14471f; }
    .status.failed { color: var(--dh-error); }
  `,
})
export class OpenShiftsDigest {
  private readonly api = inject(OpenShiftsDigestApi);
  protected readonly setting = this.api.setting();
  /** What the switch shows: the saved choice, or the one being saved. */
  private readonly chosen = signal<boolean | null>(null);
  protected readonly enabled = computed(() => this.chosen() ?? (this.setting.hasValue() ? this.setting.value().enabled : false));
  protected readonly saving = signal(false);
  protected readonly message = signal('');
  protected readonly failed = signal(false);

  protected async save(enabled: boolean): Promise<void> {
    this.chosen.set(enabled);
    this.saving.set(true);
    this.message.set('');
    try {
      const saved = await this.api.save(enabled);
      this.chosen.set(saved.enabled);
      this.failed.set(false);
      this.message.set(saved.enabled ? 'Sparat. Digivärdarna får mejl om lediga pass varje måndag.' : 'Sparat. Digivärdarna får inga mejl om lediga pass.');
    } catch (error) {
      this.chosen.set(!enabled);
      this.failed.set(true);
      this.message.set(`Ändringen sparades inte. ${toApiError(error).message}`);
    } finally {
      this.saving.set(false);
    }
  }
}
