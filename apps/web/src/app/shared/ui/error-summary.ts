import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, afterRenderEffect, computed, inject, input, viewChild, type ElementRef } from '@angular/core';
import type { ApiError } from '../data/api-error';

/** A form field the summary can point at: the API's field name, the input's id and its visible label. */
export interface SummaryField {
  name: string;
  id: string;
  label: string;
}

let nextId = 0;

/**
 * The message at the top of a form after a failed submit: what went wrong and a link to each field
 * that needs fixing. It takes focus when a new error arrives, so keyboard and screen-reader users
 * land on it (GOV.UK error summary pattern).
 */
@Component({
  selector: 'dh-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as e) {
      <div #box class="dh-alert summary" role="group" tabindex="-1" [attr.aria-labelledby]="id + '-title'">
        <p [id]="id + '-title'" class="title">{{ e.message }}</p>
        @if (listed().length) {
          <ul>
            @for (field of listed(); track field.id) {
              <li>
                <a [href]="'#' + field.id" (click)="focusField($event, field.id)">{{ field.label }}: {{ field.message }}</a>
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
  styles: `
    .summary { margin-block: 0 1.25rem; }
    .title { font-weight: 700; font-size: 1.1rem; }
    ul { margin: 0; padding-inline-start: 1.25rem; }
    li { padding-block: 0.25rem; }
    a { color: var(--dh-error); font-weight: 600; }
  `,
})
export class ErrorSummary {
  /** Unique per summary: a page can hold more than one form. */
  protected readonly id = `error-summary-${nextId++}`;
  readonly error = input<ApiError | null>(null);
  readonly fields = input<readonly SummaryField[]>([]);

  private readonly document = inject(DOCUMENT);
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  /** Known fields in form order; messages for fields the form does not show are listed by name. */
  protected readonly listed = computed(() => {
    const messages = this.error()?.fields ?? {};
    const known = this.fields()
      .filter((f) => messages[f.name])
      .map((f) => ({ id: f.id, label: f.label, message: messages[f.name] ?? '' }));
    const unknown = Object.keys(messages)
      .filter((name) => !this.fields().some((f) => f.name === name))
      .map((name) => ({ id: name, label: name, message: messages[name] ?? '' }));
    return [...known, ...unknown];
  });

  constructor() {
    afterRenderEffect({
      write: () => {
        if (this.error()) this.box()?.nativeElement.focus();
      },
    });
  }

  /** An in-page link would go through <base href="/"> and leave the page; focus the field instead. */
  protected focusField(event: Event, id: string): void {
    event.preventDefault();
    const field = this.document.getElementById(id);
    field?.focus();
    field?.scrollIntoView?.({ block: 'center' });
  }
}
