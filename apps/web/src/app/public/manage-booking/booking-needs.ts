import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { CATEGORY_LABELS, type BookingNeedsView } from '@digihjalpen/domain';
import { statusOf } from '../../shared/data/api-error';
import { PublicApi } from '../../shared/data/public-api';
import { LanguageService } from '../../shared/i18n/language.service';

/** Why the link stopped answering: no such booking (404) or the link has ended (410). */
export type LinkGone = 'notFound' | 'ended';

/**
 * What the person wants help with, behind a deliberate click: the manage view only says how many
 * things there are, so someone who opens the link on a shared computer does not see them at once.
 * Fetched on each opening and dropped on hiding; nothing is kept.
 */
@Component({
  selector: 'dh-booking-needs',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'manage'">
      <p class="needs-count">{{ hasNeedsText() ? t('needs.countWithNote', { count: topicCount() }) : t('needs.count', { count: topicCount() }) }}</p>
      <button type="button" class="dh-button-secondary no-print" [attr.aria-expanded]="open()" aria-controls="booking-needs" (click)="toggle()">
        {{ open() ? t('needs.hide') : t('needs.show') }}
      </button>
      <div id="booking-needs" aria-live="polite">
        @if (open()) {
          @if (loading()) {
            <p class="dh-status">{{ t('needs.loading') }}</p>
          } @else if (failed()) {
            <div class="dh-alert" role="alert">
              <p>{{ t('needs.loadError') }}</p>
              <button type="button" class="dh-button" (click)="load()">{{ t('retry') }}</button>
            </div>
          } @else if (needs(); as n) {
            <ul class="topics">
              @for (topic of topics(); track topic) {
                <li>{{ topic }}</li>
              }
            </ul>
            @if (n.needs) {
              <p class="note"><span class="note-label">{{ t('needs.note') }}:</span>&ngsp;<span dir="auto">{{ n.needs }}</span></p>
            }
          }
        }
      </div>
    </ng-container>
  `,
  styles: `
    .needs-count {
      margin: 0 0 0.5rem;
    }
    .topics {
      margin: 0.75rem 0 0;
      padding-inline-start: 1.25rem;
    }
    .note-label {
      font-weight: 600;
    }
  `,
})
export class BookingNeeds {
  readonly token = input.required<string>();
  readonly topicCount = input.required<number>();
  readonly hasNeedsText = input.required<boolean>();
  /** The link answered 404 or 410 meanwhile. */
  readonly gone = output<LinkGone>();

  private readonly api = inject(PublicApi);
  private readonly language = inject(LanguageService).language;

  protected readonly open = signal(false);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly needs = signal<BookingNeedsView | null>(null);
  protected readonly topics = computed(() => {
    const labels = CATEGORY_LABELS[this.language()];
    return (this.needs()?.topics ?? []).map((topic) => labels[topic]);
  });

  protected toggle(): void {
    if (this.open()) {
      this.open.set(false);
      this.needs.set(null);
      return;
    }
    this.open.set(true);
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.needs.set(await this.api.bookingNeeds(this.token()));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 410) this.gone.emit(status === 404 ? 'notFound' : 'ended');
      else this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
