import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, afterRenderEffect, computed, inject, input, signal, viewChild, type ElementRef } from '@angular/core';
import type { DashboardTable } from '@digihjalpen/domain';
import { chartHeight, chartSpec, hasData } from './chart-config';
import { ChartRenderer, type RenderedChart } from './chart-renderer';

const numberFormat = new Intl.NumberFormat('sv', { maximumFractionDigits: 1 });

/**
 * A table cell as the page shows it: numbers with a Swedish decimal comma, a hidden count (1–4) as
 * "färre än 5", and a share that cannot be given because its count is hidden as "–".
 */
export function cellText(value: string | number | null, column: string): string {
  if (value === null) return column.endsWith('(%)') ? '–' : 'färre än 5';
  return typeof value === 'number' ? numberFormat.format(value) : value;
}

export function prefersReducedMotion(view: Window | null): boolean {
  return view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * One chart of the dashboard: the chart (a canvas with a summary as its accessible name), the same
 * numbers as a table behind "Visa som tabell", and the CSV of that table.
 */
@Component({
  selector: 'dh-stat-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = table();
    <h3 [id]="id() + '-heading'">{{ t.title }}</h3>
    @if (!drawable()) {
      <p class="nothing">Inget att visa under perioden.</p>
    } @else {
      @if (failed()) {
        <p class="dh-alert">Diagrammet kunde inte visas just nu. Siffrorna finns i tabellen.</p>
      } @else {
        <div class="canvas-box" [style.height.px]="height()">
          <canvas #canvas role="img" [attr.aria-label]="spec().summary"></canvas>
        </div>
        @if (gaps()) {
          <p class="dh-hint">Tal under 5 visas inte i diagrammet. I tabellen står de som ”färre än 5”.</p>
        }
      }
    }
    <div class="chart-actions">
      <button type="button" class="dh-button-secondary" [attr.aria-expanded]="open()" [attr.aria-controls]="id() + '-table'" (click)="open.set(!open())">
        {{ open() ? 'Dölj tabellen' : 'Visa som tabell' }}<span class="visually-hidden"> – {{ t.title }}</span>
      </button>
      <a class="dh-button-secondary" [href]="csvUrl()" download>Ladda ner CSV<span class="visually-hidden"> – {{ t.title }}</span></a>
    </div>
    <div [id]="id() + '-table'" class="table-box" [hidden]="!open()">
      @if (open()) {
        <div class="table-wrap" role="region" [attr.aria-label]="'Tabell: ' + t.title" tabindex="0">
          <table>
            <caption class="visually-hidden">{{ t.title }}</caption>
            <thead>
              <tr>
                @for (column of t.columns; track $index) {
                  <th scope="col" [class.num]="$index > 0">{{ column }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track $index) {
                <tr>
                  @for (cell of row; track $index) {
                    @if ($first) {
                      <th scope="row">{{ cell }}</th>
                    } @else {
                      <td class="num">{{ cell }}</td>
                    }
                  }
                </tr>
              } @empty {
                <tr>
                  <td [attr.colspan]="t.columns.length">Inget att visa under perioden.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (hidesSmall()) {
          <p class="dh-hint">”Färre än 5” betyder 1–4. Så små tal visas inte, så att ingen kan kännas igen.</p>
        }
      }
    </div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.5rem; min-width: 0; }
    h3 { font-size: 1.15rem; margin: 0; }
    .nothing { margin: 0; color: var(--dh-muted); }
    .canvas-box { position: relative; width: 100%; min-width: 0; }
    .chart-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block-start: auto; padding-block-start: 0.25rem; }
    .chart-actions > * { min-height: 40px; padding-block: 0.3rem; font-size: 0.95rem; }
    .table-wrap { overflow-x: auto; border: 1px solid var(--dh-line); border-radius: var(--dh-radius); background: var(--dh-surface); }
    .table-wrap:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
    th, td { padding: 0.4rem 0.5rem; text-align: start; border-block-end: 1px solid var(--dh-line); }
    thead th { background: #e3edf5; vertical-align: bottom; }
    tbody th { font-weight: 400; }
    tbody tr:last-child > * { border-block-end: 0; }
    .num { text-align: end; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    .table-box .dh-hint { margin-block-start: 0.4rem; }
  `,
  host: { role: 'group', '[attr.aria-labelledby]': "id() + '-heading'" },
})
export class StatChart {
  readonly table = input.required<DashboardTable>();
  readonly csvUrl = input.required<string>();

  private readonly renderer = inject(ChartRenderer);
  private readonly animate = !prefersReducedMotion(inject(DOCUMENT).defaultView);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');

  protected readonly id = computed(() => `chart-${this.table().chart}`);
  protected readonly spec = computed(() => chartSpec(this.table(), this.animate));
  protected readonly drawable = computed(() => hasData(this.table()));
  protected readonly height = computed(() => chartHeight(this.spec()));
  protected readonly rows = computed(() => this.table().rows.map((row) => row.map((cell, i) => cellText(cell, this.table().columns[i] ?? ''))));
  protected readonly hidesSmall = computed(() => this.table().rows.some((row) => row.some((cell, i) => cell === null && !(this.table().columns[i] ?? '').endsWith('(%)'))));
  /** Hidden counts in a stacked chart are gaps without a label of their own: said under the chart. */
  protected readonly gaps = computed(() => this.spec().series.length > 1 && this.spec().series.some((s) => s.data.includes(null)));
  protected readonly open = signal(false);
  protected readonly failed = signal(false);

  /** The chart on screen (or on its way: Chart.js loads on first use), and the canvas it is on. */
  private chart: Promise<RenderedChart | null> | null = null;
  private chartCanvas: HTMLCanvasElement | null = null;

  constructor() {
    afterRenderEffect({
      write: () => {
        const spec = this.spec();
        const canvas = this.canvas()?.nativeElement ?? null;
        if (canvas !== this.chartCanvas) {
          this.remove();
          if (canvas) this.chart = this.renderer.render(canvas, spec).catch(() => this.fail());
          this.chartCanvas = canvas;
        } else if (this.chart) {
          this.chart = this.chart.then((chart) => {
            try {
              chart?.update(spec);
              return chart;
            } catch {
              return this.fail();
            }
          });
        }
      },
    });
    inject(DestroyRef).onDestroy(() => this.remove());
  }

  private remove(): void {
    void this.chart?.then((chart) => chart?.destroy());
    this.chart = null;
    this.chartCanvas = null;
  }

  private fail(): null {
    this.failed.set(true);
    return null;
  }
}
