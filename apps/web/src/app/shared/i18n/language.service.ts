import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { directionOf, initialLanguage, type UiLanguage } from './languages';

/**
 * The help-seeker's language lives only in the URL (?lang=) and a cookie: no account, nothing else stored.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly current = signal<UiLanguage>(this.transloco.getActiveLang() as UiLanguage);

  readonly language = this.current.asReadonly();

  /** Called once at start-up, before the first page renders. */
  restore(): void {
    this.apply(initialLanguage(this.document.location?.search ?? '', this.document.cookie ?? ''));
  }

  use(lang: UiLanguage): void {
    this.apply(lang);
    this.document.cookie = `lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
    void this.router.navigate([], { queryParams: { lang }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** Forgets the chosen language (the cookie); the page open now stays as it is. For a shared computer. */
  forgetChoice(): void {
    this.document.cookie = 'lang=; path=/; max-age=0; SameSite=Lax';
  }

  private apply(lang: UiLanguage): void {
    this.transloco.setActiveLang(lang);
    this.current.set(lang);
    const html = this.document.documentElement;
    html.lang = lang;
    html.dir = directionOf(lang);
  }
}
