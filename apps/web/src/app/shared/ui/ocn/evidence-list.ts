import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EvidenceView, HoursActivity } from '@digihjalpen/domain';
import { formatShortDate } from '../../data/dates';
import { ACTIVITY_LABELS, EVIDENCE_KIND_LABELS, durationText, hoursText, signedOn } from '../../data/hours-labels';
import { BUILTIN_CATEGORIES, categoryLabel } from '../../data/visit-labels';

interface EvidenceItem {
  id: string;
  kind: string;
  byline: string;
  text: string;
  hours: { id: string; text: string }[];
  hoursTotal: string | null;
  statistics: string | null;
}

/** The evidence linked to one criterion: what kind, who added it and when, and what it holds. */
@Component({
  selector: 'dh-evidence-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length === 0) {
      <p class="none">Inga bevis än.</p>
    } @else {
      <ul class="evidence">
        @for (item of items(); track item.id) {
          <li>
            <p class="kind">
              <strong>{{ item.kind }}</strong><span class="byline"> {{ item.byline }}</span>
            </p>
            @if (item.hoursTotal) {
              <p>{{ item.hoursTotal }}:</p>
              <ul class="hours">
                @for (h of item.hours; track h.id) {
                  <li>{{ h.text }}</li>
                }
              </ul>
            }
            @if (item.statistics) {
              <p>Besök per ämne: {{ item.statistics }}</p>
            }
            @if (item.text) {
              <p class="text">{{ item.text }}</p>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host { display: block; }
    .none { margin: 0; color: var(--dh-muted); }
    .evidence { display: grid; gap: 0.4rem; margin: 0; padding: 0; list-style: none; }
    .evidence > li { padding: 0.4rem 0.75rem; border-inline-start: 4px solid var(--dh-line); background: var(--dh-page); border-radius: 0.4rem; }
    p { margin: 0; }
    .byline { color: var(--dh-muted); }
    .hours { margin: 0; padding-inline-start: 1.25rem; }
    .text { white-space: pre-line; }
  `,
})
export class EvidenceList {
  readonly evidence = input.required<readonly EvidenceView[]>();

  protected readonly items = computed<EvidenceItem[]>(() =>
    this.evidence().map((e) => {
      const minutes = e.hours.reduce((sum, h) => sum + h.minutes, 0);
      return {
        id: e.id,
        kind: EVIDENCE_KIND_LABELS[e.kind],
        byline: `– ${e.authorName}, ${signedOn(e.createdAt)}`,
        text: e.text,
        hours: e.hours.map((h) => ({
          id: h.id,
          text: `${formatShortDate(h.date, 'sv')}: ${ACTIVITY_LABELS[h.activity as HoursActivity] ?? h.activity}, ${durationText(h.minutes)}`,
        })),
        hoursTotal: e.hours.length ? `${e.hours.length} ${e.hours.length === 1 ? 'tillfälle' : 'tillfällen'}, sammanlagt ${hoursText(minutes)}` : null,
        statistics: e.statistics
          ? Object.entries(e.statistics)
              .map(([key, count]) => `${categoryLabel(key, BUILTIN_CATEGORIES)} ${count}`)
              .join(', ') || 'inga besök loggade'
          : null,
      };
    }),
  );
}
