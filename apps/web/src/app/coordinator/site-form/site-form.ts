import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { DEFAULT_TIME_ZONE, HELP_LANGUAGES, slugify, type HelpLanguage, type NewSite, type Site } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { languageName } from '../../shared/i18n/languages';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi } from '../coordinator-api';

type TextField = 'name' | 'slug' | 'address' | 'directions' | 'accessibilityNotes' | 'contactPhone';

const FIELDS: SummaryField[] = [
  { name: 'name', id: 'site-name', label: 'Namn' },
  { name: 'slug', id: 'site-slug', label: 'Webbadress' },
  { name: 'address', id: 'site-address', label: 'Adress' },
  { name: 'directions', id: 'site-directions', label: 'Vägbeskrivning' },
  { name: 'accessibilityNotes', id: 'site-accessibility', label: 'Tillgänglighet' },
  { name: 'contactPhone', id: 'site-phone', label: 'Telefon' },
  { name: 'languages', id: 'site-language-sv', label: 'Språk' },
  { name: 'timeZone', id: 'site-status-active', label: 'Tidszon' },
  { name: 'active', id: 'site-status-active', label: 'Status' },
];

interface Draft {
  name: string;
  slug: string;
  address: string;
  directions: string;
  accessibilityNotes: string;
  contactPhone: string;
  languages: HelpLanguage[];
  active: boolean;
}

const EMPTY: Draft = {
  name: '',
  slug: '',
  address: '',
  directions: '',
  accessibilityNotes: '',
  contactPhone: '',
  languages: ['sv'],
  active: true,
};

const draftOf = (site: Site): Draft => ({
  name: site.name,
  slug: site.slug,
  address: site.address,
  directions: site.directions,
  accessibilityNotes: site.accessibilityNotes,
  contactPhone: site.contactPhone ?? '',
  languages: [...site.languages],
  active: site.active,
});

/**
 * The facts a visitor needs to find a site. Without `site` it opens a new one (POST /api/sites, step 1
 * of Ny plats); with `site` it edits that one (PUT), and the web address stays as it is.
 */
@Component({
  selector: 'dh-site-form',
  imports: [ErrorSummary, FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './site-form.html',
  styles: `
    .status { flex-direction: column; align-items: flex-start; }
    .dh-field > p { margin: 0; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class SiteForm {
  /** The site to edit; null opens a new one. */
  readonly site = input<Site | null>(null);
  readonly created = output<Site>();
  readonly updated = output<Site>();

  private readonly api = inject(CoordinatorApi);
  protected readonly fieldsList = FIELDS;
  protected readonly languages = HELP_LANGUAGES.map((code) => ({ code, name: languageName(code, 'sv') }));
  protected readonly draft = linkedSignal<Draft>(() => {
    const site = this.site();
    return site ? draftOf(site) : EMPTY;
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  /** What the web address becomes when the slug is left empty (the API makes it the same way). */
  protected readonly suggestedSlug = computed(() => slugify(this.draft().name) || 'namnet-pa-platsen');

  protected setText(field: TextField, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected toggleLanguage(code: HelpLanguage, on: boolean): void {
    this.draft.update((d) => ({ ...d, languages: on ? [...d.languages, code] : d.languages.filter((l) => l !== code) }));
  }

  protected setActive(active: boolean): void {
    this.draft.update((d) => ({ ...d, active }));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    const d = this.draft();
    const missing: Record<string, string> = {};
    if (!d.name.trim()) missing['name'] = 'Skriv platsens namn, till exempel Norrby bibliotek.';
    if (!d.address.trim()) missing['address'] = 'Skriv gatuadressen så att besökare hittar dit.';
    if (Object.keys(missing).length) {
      this.error.set({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: missing });
      return;
    }
    const editing = this.site();
    const site: Omit<NewSite, 'slug'> = {
      name: d.name.trim(),
      address: d.address.trim(),
      directions: d.directions.trim(),
      accessibilityNotes: d.accessibilityNotes.trim(),
      contactPhone: d.contactPhone.trim() || null,
      timeZone: editing?.timeZone ?? DEFAULT_TIME_ZONE,
      languages: HELP_LANGUAGES.filter((code) => d.languages.includes(code)),
      active: d.active,
    };
    this.pending.set(true);
    this.error.set(null);
    try {
      if (editing) this.updated.emit(await this.api.updateSite(editing.id, site));
      else this.created.emit(await this.api.createSite({ ...site, ...(d.slug.trim() ? { slug: d.slug.trim() } : {}) }));
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.pending.set(false);
    }
  }
}
