import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { languageName, UI_LANGUAGES } from '../i18n/languages';

@Component({
  selector: 'dh-language-switch',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav [attr.aria-label]="'language.label' | transloco">
      <ul>
        @for (option of options; track option.code) {
          <li>
            <button type="button" [attr.lang]="option.code" [attr.aria-pressed]="language() === option.code" (click)="languages.use(option.code)">
              {{ option.name }}
            </button>
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    ul { display: flex; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
    button {
      min-height: 44px; padding: 0.4rem 0.8rem; border: 2px solid currentColor; border-radius: 999px;
      background: transparent; color: inherit; cursor: pointer;
    }
    button[aria-pressed='true'] { background: var(--dh-brand-ink); color: var(--dh-brand); font-weight: 600; }
  `,
})
export class LanguageSwitch {
  protected readonly languages = inject(LanguageService);
  protected readonly language = this.languages.language;
  /** Each language is named in itself, so a person who does not read Swedish can still find theirs. */
  protected readonly options = UI_LANGUAGES.map((code) => {
    const name = languageName(code, code);
    return { code, name: name.charAt(0).toLocaleUpperCase(code) + name.slice(1) };
  });
}
