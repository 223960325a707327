import type { DashboardChart, DashboardTable } from '@digihjalpen/domain';
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { isoWeekOf } from '../../shared/data/dates';

/**
 * What a chart shows, in plain data: built from the chart's table (the same rows as the table view
 * and the CSV), turned into a Chart.js configuration by `chartConfig`. No Chart.js code runs here.
 */
export interface ChartSeries {
  label: string;
  /** null: a count of 1–4 that is not shown (a gap in the chart). */
  data: (number | null)[];
  /** A second series is striped as well as coloured, so the chart can be read without colour. */
  style: 'solid' | 'stripes';
  colour: string;
}

export type ChartUnit = 'count' | 'hours' | 'percent';

export interface ChartSpec {
  chart: DashboardChart;
  title: string;
  /** Bars along the x axis (weeks, bands) or across (categories with long names). */
  orientation: 'vertical' | 'horizontal';
  stacked: boolean;
  /** Axis labels; long ones are split into lines. */
  labels: (string | string[])[];
  /** Tooltip titles, one per label ("Vecka 10, från 2 mars 2026"). */
  titles: string[];
  series: ChartSeries[];
  unit: ChartUnit;
  /** The value axis's title ("Besök", "Timmar"). */
  axisTitle: string;
  /** Text for the canvas's aria-label: what the chart shows and its largest values. */
  summary: string;
  /** Off when the person prefers reduced motion. */
  animate: boolean;
}

export const CHART_COLOURS = { first: '#0b4a6f', second: '#9c4200' } as const;

const numberFormat = new Intl.NumberFormat('sv', { maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat('sv', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12", "2,5", "80 %", "3,5 timmar"; null is a suppressed count. */
export function valueText(value: number | null, unit: ChartUnit): string {
  if (value === null) return 'färre än 5';
  const n = numberFormat.format(value);
  switch (unit) {
    case 'count':
      return n;
    case 'percent':
      return `${n} %`;
    case 'hours':
      return `${n} ${value === 1 ? 'timme' : 'timmar'}`;
  }
}

const weekLabel = (weekStart: string) => `v. ${isoWeekOf(weekStart).week}`;
const weekTitle = (weekStart: string) => `Vecka ${isoWeekOf(weekStart).week}, från ${dayFormat.format(new Date(`${weekStart}T12:00:00Z`))}`;

/** Splits a long label into lines of about `width` characters, so horizontal bars keep their room. */
export function wrapLabel(label: string, width = 16): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const asValue = (cell: string | number | null | undefined): number | null => (typeof cell === 'number' ? cell : null);
const asText = (cell: string | number | null | undefined): string => (cell === null || cell === undefined ? '' : String(cell));

/** True when the table has something to draw: a count above 0, or a hidden count of 1–4. */
export function hasData(table: DashboardTable): boolean {
  return table.rows.some((row) => row.slice(1).some((cell) => cell === null || (typeof cell === 'number' && cell > 0)));
}

/** The chart of one of the dashboard's tables. */
export function chartSpec(table: DashboardTable, animate: boolean): ChartSpec {
  const first = table.rows.map((row) => asText(row[0]));
  const weekly = (unit: ChartUnit, axisTitle: string): ChartSpec => {
    const spec: ChartSpec = {
      chart: table.chart,
      title: table.title,
      orientation: 'vertical',
      stacked: true,
      labels: first.map(weekLabel),
      titles: first.map(weekTitle),
      series: [
        { label: table.columns[1] ?? '', data: table.rows.map((r) => asValue(r[1])), style: 'solid', colour: CHART_COLOURS.first },
        { label: table.columns[2] ?? '', data: table.rows.map((r) => asValue(r[2])), style: 'stripes', colour: CHART_COLOURS.second },
      ],
      unit,
      axisTitle,
      summary: '',
      animate,
    };
    return { ...spec, summary: weeklySummary(spec, first) };
  };
  const bars = (orientation: ChartSpec['orientation'], column: number, unit: ChartUnit, label: string): ChartSpec => {
    const spec: ChartSpec = {
      chart: table.chart,
      title: table.title,
      orientation,
      stacked: false,
      labels: orientation === 'horizontal' ? first.map((l) => wrapLabel(l)) : first,
      titles: first,
      series: [{ label, data: table.rows.map((r) => asValue(r[column])), style: 'solid', colour: CHART_COLOURS.first }],
      unit,
      axisTitle: label,
      summary: '',
      animate,
    };
    return { ...spec, summary: barsSummary(spec, orientation) };
  };
  switch (table.chart) {
    case 'visits-per-week':
      return weekly('count', 'Besök');
    case 'helper-hours':
      return weekly('hours', 'Timmar');
    case 'categories':
    case 'outcomes':
    case 'came-via':
    case 'referred-to':
    case 'returning':
    case 'attendance':
    case 'utilisation':
      return bars('horizontal', 1, 'count', table.columns[1] ?? 'Antal');
    case 'utilisation-by-site':
      return bars('horizontal', table.columns.length - 1, 'percent', 'Beläggning');
  }
}

const sum = (values: (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);

function weeklySummary(spec: ChartSpec, weekStarts: string[]): string {
  if (!weekStarts.length) return `${spec.title}: inget att visa under perioden.`;
  const [a, b] = spec.series as [ChartSeries, ChartSeries];
  const range = `från ${spec.labels[0] as string} till ${spec.labels[spec.labels.length - 1] as string}`;
  const hidden = spec.series.some((s) => s.data.includes(null)) ? ' Veckor med färre än 5 visas inte.' : '';
  // With hidden weeks the sum of what is shown is only a lower bound.
  const total = (s: ChartSeries) => `${s.label.toLocaleLowerCase('sv')} ${s.data.includes(null) ? 'minst ' : ''}${valueText(sum(s.data), spec.unit)}`;
  return `${spec.title}, stapeldiagram per vecka ${range}, staplarna delade i ${a.label.toLocaleLowerCase('sv')} och ${b.label.toLocaleLowerCase('sv')} (randig). Sammanlagt: ${total(a)}, ${total(b)}.${hidden} Alla siffror finns i tabellen.`;
}

function barsSummary(spec: ChartSpec, orientation: ChartSpec['orientation']): string {
  const series = spec.series[0] as ChartSeries;
  const shape = orientation === 'horizontal' ? 'liggande stapeldiagram' : 'stapeldiagram';
  const ranked = spec.titles
    .map((label, i) => ({ label, value: series.data[i] ?? null }))
    .filter((r): r is { label: string; value: number } => r.value !== null && r.value > 0)
    .sort((x, y) => y.value - x.value)
    .slice(0, 3);
  if (!ranked.length) return `${spec.title}, ${shape}: inget att visa under perioden.`;
  const top = ranked.map((r) => `${r.label} ${valueText(r.value, spec.unit)}`).join(', ');
  const hidden = series.data.includes(null) ? ' Tal under 5 visas inte.' : '';
  return `${spec.title}, ${shape}. Störst: ${top}.${hidden} Alla siffror finns i tabellen.`;
}

/** Room for horizontal bars grows with their number; vertical charts have a fixed height. */
export function chartHeight(spec: ChartSpec): number {
  if (spec.orientation === 'vertical') return 300;
  const rows = spec.labels.reduce<number>((total, l) => total + Math.max(34, (Array.isArray(l) ? l.length : 1) * 18 + 14), 0);
  return Math.max(160, 80 + rows);
}

/** How a series is painted: a colour, or (given by the renderer, which has a canvas) a stripe pattern. */
export type SeriesFill = (series: ChartSeries) => string | CanvasPattern;

export type BarConfig = ChartConfiguration<'bar', (number | null)[], string | string[]>;

const INK = '#1b1f24';
const GRID = '#c9d1da';
const LABEL_FONT = "600 13px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/**
 * Writes each bar's value at its end ("12", "80 %", "färre än 5"), so a chart with one series can be
 * read without a tooltip, and a hidden count is told apart from a zero.
 */
export function valueLabels(spec: ChartSpec): Plugin<'bar'> {
  return {
    id: 'dhValueLabels',
    afterDatasetsDraw: (chart) => {
      const series = spec.series[0];
      if (spec.series.length !== 1 || !series) return;
      const horizontal = spec.orientation === 'horizontal';
      const valueScale = chart.scales[horizontal ? 'x' : 'y'];
      const categoryScale = chart.scales[horizontal ? 'y' : 'x'];
      if (!valueScale || !categoryScale) return;
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = INK;
      ctx.font = LABEL_FONT;
      ctx.textAlign = horizontal ? 'left' : 'center';
      ctx.textBaseline = horizontal ? 'middle' : 'bottom';
      series.data.forEach((value, i) => {
        const at = valueScale.getPixelForValue(value ?? 0);
        const across = categoryScale.getPixelForValue(i);
        const text = valueText(value, spec.unit === 'hours' ? 'count' : spec.unit);
        if (horizontal) ctx.fillText(text, at + 6, across);
        else ctx.fillText(text, across, at - 4);
      });
      ctx.restore();
    },
  };
}

/** The Chart.js configuration of a spec: bars, stacked or not; legends for two series; no motion if not wanted. */
export function chartConfig(spec: ChartSpec, fill: SeriesFill): BarConfig {
  const valueAxis = spec.orientation === 'horizontal' ? 'x' : 'y';
  const categoryAxis = spec.orientation === 'horizontal' ? 'y' : 'x';
  const tick = (value: number | string) => (typeof value === 'number' ? valueText(value, spec.unit === 'hours' ? 'count' : spec.unit) : value);
  const single = spec.series.length === 1;
  // Room for the value labels past the longest bar.
  const room = !single ? 0 : spec.series.some((s) => s.data.includes(null)) ? 84 : 48;
  return {
    type: 'bar',
    plugins: single ? [valueLabels(spec)] : [],
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: fill(s),
        borderColor: s.colour,
        borderWidth: s.style === 'stripes' ? 2 : 0,
        // Keeps stacked series apart even where colours cannot be told apart.
        ...(spec.stacked ? { borderSkipped: false as const } : {}),
        maxBarThickness: 48,
      })),
    },
    options: {
      indexAxis: spec.orientation === 'horizontal' ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: spec.orientation === 'horizontal' ? { right: room } : { top: room ? 24 : 0 } },
      animation: spec.animate ? { duration: 400 } : false,
      scales: {
        [valueAxis]: {
          stacked: spec.stacked,
          beginAtZero: true,
          ...(spec.unit === 'percent' ? { max: 100 } : {}),
          title: { display: true, text: spec.axisTitle, color: INK },
          grid: { color: GRID },
          ticks: { color: INK, precision: spec.unit === 'count' ? 0 : undefined, maxRotation: 0, callback: tick, ...(spec.unit === 'percent' ? { stepSize: 25 } : {}) },
        },
        [categoryAxis]: { stacked: spec.stacked, grid: { display: false }, ticks: { color: INK, autoSkip: spec.orientation === 'vertical' } },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { color: INK, boxWidth: 28, boxHeight: 16 } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => spec.titles[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label ?? ''}: ${valueText(spec.series[item.datasetIndex]?.data[item.dataIndex] ?? null, spec.unit)}`,
          },
        },
      },
    },
  };
}
