import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { NextSessionView } from '@digihjalpen/domain';
import { formatDay, formatTimeRange } from '../../shared/data/dates';
import { PublicApi } from '../../shared/data/public-api';
import { LanguageService } from '../../shared/i18n/language.service';
import { languageName } from '../../shared/i18n/languages';

@Component({
  selector: 'dh-start-page',
  imports: [TranslocoDirective, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './start-page.html',
  styleUrl: './start-page.css',
})
export class StartPage {
  private readonly language = inject(LanguageService).language;
  protected readonly sites = inject(PublicApi).sites();

  /** "sv, ar" → "svenska, arabiska" in the reader's language. */
  protected helpLanguages(codes: readonly string[]): string {
    const lang = this.language();
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(codes.map((code) => languageName(code, lang)));
  }

  /** "Tisdag 24 november" and "10:00–12:00", in the site's zone. */
  protected day(session: NextSessionView, timeZone: string): string {
    return formatDay(session.start, timeZone, this.language());
  }

  protected times(session: NextSessionView, timeZone: string): string {
    return formatTimeRange(session.start, session.end, timeZone, this.language());
  }
}
