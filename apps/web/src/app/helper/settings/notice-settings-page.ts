import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LANGUAGES, type Language, type NoticeSettings } from '@digihjalpen/domain';
import { toApiError } from '../../shared/data/api-error';
import { HelperApi } from '../helper-api';

type Switch = Exclude<keyof NoticeSettings, 'language'>;

/** The e-mails a helper can turn off, in the order the page lists them. */
export const NOTICE_SWITCHES: readonly { key: Switch; label: string; hint: string }[] = [
  { key: 'cancelled', label: 'En träff där jag har pass ställs in', hint: 'Mejlet säger varför träffen är inställd.' },
  { key: 'shiftChanges', label: 'En samordnare ger mig ett pass eller tar bort mig från ett pass', hint: 'Inte när du själv tar eller lämnar ett pass.' },
  { key: 'timeChanges', label: 'Tiden för ett av mina pass ändras', hint: 'Mejlet säger den nya och den gamla tiden.' },
  {
    key: 'digest',
    label: 'Lediga pass varje vecka',
    hint: 'På måndagar, när samordnarna har slagit på det: träffar de kommande två veckorna som behöver fler digivärdar.',
  },
];

/** Each e-mail language: its Swedish name, and its own name for those who read that language. */
export const MAIL_LANGUAGES: Readonly<Record<Language, { name: string; own: string | null }>> = {
  sv: { name: 'svenska', own: null },
  en: { name: 'engelska', own: 'English' },
  ar: { name: 'arabiska', own: 'العربية' },
};

/**
 * The helper's settings (/personal/installningar): which e-mails about their shifts they get, and in
 * which language. Nothing changes until "Spara"; the page then says what was saved.
 */
@Component({
  selector: 'dh-notice-settings-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notice-settings-page.html',
  styleUrl: './notice-settings-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class NoticeSettingsPage {
  private readonly api = inject(HelperApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly switches = NOTICE_SWITCHES;
  protected readonly languages = LANGUAGES.map((code) => ({ code, ...MAIL_LANGUAGES[code] }));
  protected readonly saved = this.api.noticeSettings();
  /** The form: what was saved, until the helper changes something. */
  protected readonly draft = linkedSignal<NoticeSettings | null>(() => (this.saved.hasValue() ? this.saved.value() : null));
  protected readonly saving = signal(false);
  protected readonly message = signal('');
  protected readonly failed = signal(false);
  protected readonly offCount = computed(() => {
    const d = this.draft();
    return d ? this.switches.filter((s) => !d[s.key]).length : 0;
  });

  protected set(key: Switch, on: boolean): void {
    this.draft.update((d) => (d ? { ...d, [key]: on } : d));
    this.message.set('');
  }

  protected setLanguage(value: string): void {
    const language = LANGUAGES.find((l) => l === value);
    if (language) this.draft.update((d) => (d ? { ...d, language } : d));
    this.message.set('');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft();
    if (!draft || this.saving()) return;
    this.saving.set(true);
    this.message.set('');
    try {
      const stored = await this.api.saveNoticeSettings(draft);
      this.saved.set(stored);
      this.failed.set(false);
      const off = this.switches.filter((s) => !stored[s.key]).length;
      const what = off === 0 ? 'Du får alla mejl om dina pass' : off === this.switches.length ? 'Du får inga mejl om dina pass' : `Du får ${this.switches.length - off} av ${this.switches.length} sorters mejl om dina pass`;
      this.message.set(off === this.switches.length ? `Sparat. ${what}.` : `Sparat. ${what}, på ${MAIL_LANGUAGES[stored.language].name}.`);
    } catch (error) {
      this.failed.set(true);
      this.message.set(`Dina val sparades inte. ${toApiError(error).message}`);
    } finally {
      this.saving.set(false);
      afterNextRender(() => this.document.getElementById('settings-status')?.focus(), { injector: this.injector });
    }
  }
}
