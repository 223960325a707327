import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, output, signal, untracked } from '@angular/core';
import { EQUIPMENT_KINDS, type EquipmentKind, type SessionReportInput } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { toggled } from '../../shared/data/sets';
import { EQUIPMENT_LABELS } from '../../shared/data/visit-labels';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { DeskApi } from '../desk-api';

type CountField = 'booked' | 'checkedIn' | 'noShows' | 'dropIns' | 'visits';

const COUNTS: readonly { key: CountField; label: string }[] = [
  { key: 'booked', label: 'Hade bokat' },
  { key: 'checkedIn', label: 'Kom och checkades in' },
  { key: 'noShows', label: 'Kom inte' },
  { key: 'dropIns', label: 'Kom på drop-in' },
  { key: 'visits', label: 'Besök som loggades' },
];

const NOTE_MAX = 300;
const NOTES_MAX = 1000;
/** The API takes 0–500 per count. */
const COUNT_MAX = 500;

/**
 * The end-of-session report: counts prefilled from the log (the helpers may correct them), equipment
 * that gave trouble, and a note for the coordinator. Open equipment problems then show on the
 * coordinator's equipment page until they are fixed.
 */
@Component({
  selector: 'dh-session-report',
  imports: [ErrorSummary, FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-report.html',
  styleUrl: './session-report.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class SessionReport {
  readonly sessionId = input.required<string>();
  /** Visits of this session still in the queue: the counts are low until they are sent. */
  readonly unsent = input(0);
  readonly sent = output<void>();
  /** Another helper on the session confirmed the report first. */
  readonly alreadySent = output<void>();

  private readonly api = inject(DeskApi);
  protected readonly draft = this.api.reportDraft(this.sessionId);
  protected readonly countFields = COUNTS;
  protected readonly kinds = EQUIPMENT_KINDS.map((key) => ({ key, label: EQUIPMENT_LABELS[key] }));
  protected readonly noteMax = NOTE_MAX;

  protected readonly counts = linkedSignal<Record<CountField, string>>(() => {
    const d = this.draft.hasValue() ? this.draft.value() : null;
    return {
      booked: String(d?.booked ?? 0),
      checkedIn: String(d?.checkedIn ?? 0),
      noShows: String(d?.noShows ?? 0),
      dropIns: String(d?.dropIns ?? 0),
      visits: String(d?.visits ?? 0),
    };
  });
  protected readonly equipment = signal<ReadonlySet<EquipmentKind>>(new Set());
  protected readonly equipmentNotes = signal<Partial<Record<EquipmentKind, string>>>({});
  protected readonly notes = signal('');
  protected readonly sending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});

  protected readonly ids = computed(() => {
    const id = this.sessionId();
    return { prefix: `report-${id}`, notes: `report-${id}-notes` };
  });
  protected readonly summaryFields = computed<SummaryField[]>(() => {
    const p = this.ids().prefix;
    return [
      ...COUNTS.map((c) => ({ name: c.key, id: `${p}-${c.key}`, label: c.label })),
      ...EQUIPMENT_KINDS.map((k) => ({ name: `equipment.${k}`, id: `${p}-equipment-${k}-note`, label: `${EQUIPMENT_LABELS[k]}: vad hände?` })),
      { name: 'equipment', id: `${p}-equipment-${EQUIPMENT_KINDS[0]}`, label: 'Utrustning' },
      { name: 'notes', id: this.ids().notes, label: 'Till samordnaren' },
    ];
  });

  constructor() {
    // The last queued visits just went out: fetch the counts again so they include them.
    let before = 0;
    effect(() => {
      const unsent = this.unsent();
      untracked(() => {
        if (before > 0 && unsent === 0) this.draft.reload();
        before = unsent;
      });
    });
  }

  protected setCount(field: CountField, value: string): void {
    this.counts.update((c) => ({ ...c, [field]: value }));
  }

  protected toggleEquipment(kind: EquipmentKind, on: boolean): void {
    this.equipment.update((set) => toggled(set, kind, on));
  }

  protected setNote(kind: EquipmentKind, note: string): void {
    this.equipmentNotes.update((n) => ({ ...n, [kind]: note }));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    const problems: Record<string, string> = {};
    const counts = this.counts();
    for (const c of COUNTS) {
      const text = counts[c.key].trim();
      if (!/^\d{1,3}$/.test(text) || Number(text) > COUNT_MAX) problems[c.key] = `Skriv ett heltal från 0 till ${COUNT_MAX}.`;
    }
    const equipment = EQUIPMENT_KINDS.filter((k) => this.equipment().has(k)).map((kind) => ({ kind, note: (this.equipmentNotes()[kind] ?? '').trim() }));
    for (const item of equipment) {
      if (!item.note) problems[`equipment.${item.kind}`] = 'Skriv kort vad som var fel.';
      else if (item.note.length > NOTE_MAX) problems[`equipment.${item.kind}`] = `Skriv högst ${NOTE_MAX} tecken.`;
    }
    const notes = this.notes().trim();
    if (notes.length > NOTES_MAX) problems['notes'] = `Skriv högst ${NOTES_MAX} tecken.`;
    if (Object.keys(problems).length) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: problems });
      return;
    }
    const report: SessionReportInput = {
      booked: Number(counts.booked),
      checkedIn: Number(counts.checkedIn),
      noShows: Number(counts.noShows),
      dropIns: Number(counts.dropIns),
      visits: Number(counts.visits),
      equipment,
      notes: notes || null,
    };
    this.sending.set(true);
    this.error.set(null);
    try {
      await this.api.sendReport(this.sessionId(), report);
      this.sent.emit();
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'REPORT_EXISTS') {
        this.alreadySent.emit();
        return;
      }
      // The API names equipment problems by position ("equipment.0.note"); show them on that kind's note.
      const fields: Record<string, string> = {};
      for (const [name, message] of Object.entries(apiError.fields)) {
        const at = /^equipment\.(\d+)/.exec(name);
        const kind = at ? equipment[Number(at[1])]?.kind : undefined;
        fields[kind ? `equipment.${kind}` : name] = message;
      }
      this.error.set({ ...apiError, fields });
    } finally {
      this.sending.set(false);
    }
  }
}
