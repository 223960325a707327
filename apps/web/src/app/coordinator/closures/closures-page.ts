import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, viewChild } from '@angular/core';
import type { ClosureView } from '@digihjalpen/domain';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi } from '../coordinator-api';
import { cancelledText, cancelsText, ClosuresStore, rangeText, whereText } from './closures-store';
import { HolidayDays } from './holiday-days';

const FIELDS: SummaryField[] = [
  { name: 'siteId', id: 'closure-site', label: 'Bibliotek' },
  { name: 'from', id: 'closure-from', label: 'Första dagen' },
  { name: 'to', id: 'closure-to', label: 'Sista dagen' },
  { name: 'reason', id: 'closure-reason', label: 'Skäl' },
];

/**
 * Closures (/samordnare/stangt): close one library or every library for some days with a reason, after a
 * preview of what it cancels and a confirmation; lift one that has not started; and the public holidays
 * a library keeps open anyway.
 */
@Component({
  selector: 'dh-closures-page',
  imports: [ErrorSummary, FIELD, ConfirmDialog, HolidayDays],
  providers: [ClosuresStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './closures-page.html',
  styleUrl: './closures-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class ClosuresPage {
  protected readonly store = inject(ClosuresStore);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly previewBox = viewChild<ElementRef<HTMLElement>>('previewBox');
  private readonly statusBox = viewChild<ElementRef<HTMLElement>>('statusBox');

  protected readonly fields = FIELDS;
  protected readonly sites = inject(CoordinatorApi).sites();
  protected readonly errors = computed(() => this.store.error()?.fields ?? {});
  protected readonly range = rangeText;
  protected readonly where = whereText;
  protected readonly cancelledText = cancelledText;
  protected readonly siteName = computed(() => this.sites.value().find((s) => s.id === this.store.siteId())?.name ?? 'alla bibliotek');

  protected readonly previewText = computed(() => {
    const p = this.store.preview();
    if (!p) return '';
    if (!p.sessions) return 'Det finns inga planerade träffar de dagarna. Schemat lägger inte heller in några nya medan det är stängt.';
    return cancelsText(p);
  });

  protected meta(c: ClosureView): string {
    return `${cancelledText(c.sessionsCancelled)}${c.createdBy ? `, stängt av ${c.createdBy}` : ''}.`;
  }

  protected edit(set: (value: string) => void, value: string): void {
    set(value);
    this.store.edited();
  }

  protected async showPreview(event: Event): Promise<void> {
    event.preventDefault();
    if (await this.store.showPreview()) this.focus(this.previewBox);
  }

  protected async close(): Promise<void> {
    const p = this.store.preview();
    if (!p) return;
    const input = this.store.input();
    const yes = await this.confirm().ask({
      title: `Stänga ${this.siteName()} ${rangeText(input)}?`,
      text: `${p.sessions ? cancelsText(p) : 'Inga träffar ställs in.'} Du kan häva stängningen innan den börjar, men bokningarna kommer inte tillbaka.`,
      confirm: 'Ja, stäng',
      cancel: 'Nej, vänta',
    });
    if (yes && (await this.store.close())) this.focus(this.statusBox);
  }

  protected async lift(closure: ClosureView): Promise<void> {
    const yes = await this.confirm().ask({
      title: `Häva stängningen ${rangeText(closure)}?`,
      text: `${whereText(closure)} är öppet igen de dagarna, och schemat lägger in träffarna igen. Bokningarna som avbokades kommer inte tillbaka: besökarna får boka på nytt.`,
      confirm: 'Ja, häv stängningen',
      cancel: 'Nej, behåll den',
    });
    if (yes) {
      await this.store.lift(closure);
      this.focus(this.statusBox);
    }
  }

  private focus(box: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => box()?.nativeElement.focus(), { injector: this.injector });
  }
}
