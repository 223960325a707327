import { Injectable } from '@angular/core';
import { chartConfig, type ChartSeries, type ChartSpec } from './chart-config';

/** A chart on a canvas that can be redrawn with new data and removed. */
export interface RenderedChart {
  update(spec: ChartSpec): void;
  destroy(): void;
}

const TILE = 10;

/**
 * Diagonal stripes in the series' colour on white: with the legend, the second series of a stacked
 * chart can be told from the first without seeing colour.
 */
export function stripePattern(canvas: HTMLCanvasElement, colour: string): CanvasPattern | null {
  const tile = canvas.ownerDocument.createElement('canvas');
  tile.width = TILE;
  tile.height = TILE;
  const ctx = tile.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, TILE, TILE);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3;
  ctx.beginPath();
  // One diagonal and the two corner pieces that continue it in the next tiles.
  ctx.moveTo(0, TILE);
  ctx.lineTo(TILE, 0);
  ctx.moveTo(-TILE / 2, TILE / 2);
  ctx.lineTo(TILE / 2, -TILE / 2);
  ctx.moveTo(TILE / 2, TILE * 1.5);
  ctx.lineTo(TILE * 1.5, TILE / 2);
  ctx.stroke();
  return canvas.getContext('2d')?.createPattern(tile, 'repeat') ?? null;
}

/**
 * Draws charts with Chart.js, loaded on first use. The only place that touches Chart.js at run time:
 * component tests put a fake in its place (jsdom has no canvas).
 */
@Injectable({ providedIn: 'root' })
export class ChartRenderer {
  async render(canvas: HTMLCanvasElement, spec: ChartSpec): Promise<RenderedChart> {
    const { Chart } = await import('./chart-js');
    const patterns = new Map<string, CanvasPattern | null>();
    const fill = (series: ChartSeries): string | CanvasPattern => {
      if (series.style === 'solid') return series.colour;
      if (!patterns.has(series.colour)) patterns.set(series.colour, stripePattern(canvas, series.colour));
      return patterns.get(series.colour) ?? series.colour;
    };
    let chart = new Chart(canvas, chartConfig(spec, fill));
    return {
      // Made anew rather than updated: Chart.js keeps a chart's inline plugins (the value labels, which
      // hold the data they write) from when it was created, so an update would write the old numbers.
      update: (next) => {
        chart.destroy();
        chart = new Chart(canvas, chartConfig(next, fill));
      },
      destroy: () => chart.destroy(),
    };
  }
}
