import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, Injector, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Site } from '@digihjalpen/domain';
import type { ScheduleChange } from '../coordinator-api';
import { ScheduleForm } from '../schedule-form/schedule-form';
import { SiteForm } from '../site-form/site-form';

type Step = 'details' | 'schedule' | 'done';

/**
 * Opening a library in one sitting: its details, its weekly schedule (with the dates it gives),
 * and a confirmation with a link to the public page where visitors see the sessions.
 */
@Component({
  selector: 'dh-new-site-page',
  imports: [RouterLink, SiteForm, ScheduleForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-site-page.html',
  styleUrl: './new-site-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class NewSitePage {
  private readonly injector = inject(Injector);
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');

  protected readonly step = signal<Step>('details');
  protected readonly site = signal<Site | null>(null);
  protected readonly change = signal<ScheduleChange | null>(null);
  protected readonly steps: { key: Step; label: string }[] = [
    { key: 'details', label: 'Om platsen' },
    { key: 'schedule', label: 'Schema' },
    { key: 'done', label: 'Klart' },
  ];

  protected onSiteCreated(site: Site): void {
    this.site.set(site);
    this.goTo('schedule');
  }

  protected onScheduleSaved(change: ScheduleChange): void {
    this.change.set(change);
    this.goTo('done');
  }

  /** A new step replaces the form; focus its heading so keyboard and screen-reader users start there. */
  private goTo(step: Step): void {
    this.step.set(step);
    afterNextRender(() => this.stepHeading()?.nativeElement.focus(), { injector: this.injector });
  }
}
