import { dashboardTables, type DashboardChart, type DashboardTable } from '@digihjalpen/domain';
import type { Chart } from 'chart.js';
import { CHART_COLOURS, chartConfig, chartHeight, chartSpec, hasData, valueLabels, valueText, wrapLabel, type ChartSeries } from './chart-config';
import { aDashboardView, aSuppressedDashboardView } from './statistics-testing';

const tableOf = (chart: DashboardChart, view = aDashboardView()): DashboardTable => {
  const table = dashboardTables(view).find((t) => t.chart === chart);
  if (!table) throw new Error(`No table ${chart}`);
  return table;
};
const solidFill = (s: ChartSeries) => s.colour;

describe('chart config', () => {
  it('draws visits per week as stacked bars: booked solid, drop-in striped, weeks as ISO week numbers', () => {
    const spec = chartSpec(tableOf('visits-per-week'), true);
    expect(spec).toMatchObject({ orientation: 'vertical', stacked: true, unit: 'count', labels: ['v. 10', 'v. 11', 'v. 12'] });
    expect(spec.titles[0]).toBe('Vecka 10, från 4 mars 2030');
    expect(spec.series.map((s) => [s.label, s.style, s.data])).toEqual([
      ['Bokade', 'solid', [10, 12, 9]],
      ['Drop-in', 'stripes', [5, 3, 7]],
    ]);
    expect(spec.summary).toBe(
      'Besök per vecka, stapeldiagram per vecka från v. 10 till v. 12, staplarna delade i bokade och drop-in (randig). Sammanlagt: bokade 31, drop-in 15. Alla siffror finns i tabellen.',
    );
  });

  it('keeps hidden counts as gaps and says so in the summary', () => {
    const spec = chartSpec(tableOf('visits-per-week', aSuppressedDashboardView()), true);
    expect(spec.series[1]?.data).toEqual([5, null, 7]);
    expect(spec.summary).toContain('Veckor med färre än 5 visas inte.');
    const categories = chartSpec(tableOf('categories', aSuppressedDashboardView()), true);
    expect(categories.series[0]?.data).toEqual([18, 11, null, 0]);
    expect(categories.summary).toBe('Vad besöken gällde, liggande stapeldiagram. Störst: BankID och e-legitimation 18, E-post 11. Tal under 5 visas inte. Alla siffror finns i tabellen.');
  });

  it('draws the count lists as horizontal bars with long names on two lines', () => {
    const spec = chartSpec(tableOf('categories'), true);
    expect(spec).toMatchObject({ orientation: 'horizontal', stacked: false, unit: 'count' });
    expect(spec.labels[0]).toEqual(['BankID och', 'e-legitimation']);
    expect(spec.series).toHaveLength(1);
    expect(spec.summary).toContain('Störst: BankID och e-legitimation 18, E-post 11, 1177 och vården 3.');
    expect(chartHeight(spec)).toBeGreaterThanOrEqual(4 * 34);
  });

  it('draws utilisation by site as the percentage column of its table', () => {
    const spec = chartSpec(tableOf('utilisation-by-site'), true);
    expect(spec).toMatchObject({ orientation: 'horizontal', unit: 'percent', labels: ['Stadsbiblioteket', 'Norrby bibliotek'] });
    expect(spec.series[0]?.data).toEqual([75, 25]);
    expect(spec.summary).toContain('Störst: Stadsbiblioteket 75 %, Norrby bibliotek 25 %.');
  });

  it('draws helper hours per week in hours, approved solid and pending striped', () => {
    const spec = chartSpec(tableOf('helper-hours'), true);
    expect(spec.unit).toBe('hours');
    expect(spec.series.map((s) => [s.style, s.data])).toEqual([
      ['solid', [8, 7.5, 0]],
      ['stripes', [0, 1.5, 8.5]],
    ]);
    expect(spec.summary).toContain('Sammanlagt: godkända timmar 15,5 timmar, väntande timmar 10 timmar.');
  });

  it('paints striped series with the renderer’s pattern and outlines them', () => {
    const pattern = { pattern: true } as unknown as CanvasPattern;
    const fill = jest.fn((s: ChartSeries) => (s.style === 'stripes' ? pattern : s.colour));
    const config = chartConfig(chartSpec(tableOf('visits-per-week'), true), fill);
    expect(fill).toHaveBeenCalledTimes(2);
    const [booked, dropIn] = config.data.datasets;
    expect(booked).toMatchObject({ label: 'Bokade', backgroundColor: CHART_COLOURS.first, borderWidth: 0, data: [10, 12, 9] });
    expect(dropIn).toMatchObject({ label: 'Drop-in', backgroundColor: pattern, borderColor: CHART_COLOURS.second, borderWidth: 2 });
    expect(config.options?.plugins?.legend?.display).toBe(true);
    expect(config.options?.indexAxis).toBe('x');
    expect(config.options?.scales?.['x']?.stacked).toBe(true);
    expect(config.options?.scales?.['y']?.stacked).toBe(true);
    expect(config.options?.maintainAspectRatio).toBe(false);
  });

  it('turns animation off for people who prefer reduced motion', () => {
    expect(chartConfig(chartSpec(tableOf('outcomes'), false), solidFill).options?.animation).toBe(false);
    expect(chartConfig(chartSpec(tableOf('outcomes'), true), solidFill).options?.animation).not.toBe(false);
  });

  it('has no legend for one series and a 0–100 % axis for percentages', () => {
    const config = chartConfig(chartSpec(tableOf('utilisation-by-site'), true), solidFill);
    expect(config.options?.plugins?.legend?.display).toBe(false);
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.scales?.['x']).toMatchObject({ max: 100, beginAtZero: true });
  });

  it('writes each bar’s value at its end, a hidden count as “färre än 5”, for one series only', () => {
    const spec = chartSpec(tableOf('categories', aSuppressedDashboardView()), true);
    const config = chartConfig(spec, solidFill);
    expect(config.plugins?.map((p) => p.id)).toEqual(['dhValueLabels']);
    expect(config.options?.layout?.padding).toEqual({ right: 84 });
    expect(chartConfig(chartSpec(tableOf('visits-per-week'), true), solidFill).plugins).toEqual([]);

    const drawn: [string, number, number][] = [];
    const ctx = { save: jest.fn(), restore: jest.fn(), fillText: (text: string, x: number, y: number) => drawn.push([text, x, y]) };
    const chart = { ctx, scales: { x: { getPixelForValue: (v: number) => v * 10 }, y: { getPixelForValue: (i: number) => i * 30 } } } as unknown as Chart<'bar'>;
    const plugin = valueLabels(spec);
    (plugin.afterDatasetsDraw as unknown as (c: Chart<'bar'>) => void)(chart);
    expect(drawn).toEqual([
      ['18', 186, 0],
      ['11', 116, 30],
      ['färre än 5', 6, 60],
      ['0', 6, 90],
    ]);
  });

  it('says which tables have nothing to draw', () => {
    expect(hasData(tableOf('categories'))).toBe(true);
    expect(hasData(tableOf('referred-to', aDashboardView({ referredTo: [{ key: 'amf', label: 'AMF', count: 0 }] })))).toBe(false);
    expect(hasData(tableOf('referred-to', aDashboardView({ referredTo: [{ key: 'amf', label: 'AMF', count: null }] })))).toBe(true);
    expect(hasData(tableOf('visits-per-week', aDashboardView({ visitsPerWeek: [] })))).toBe(false);
  });

  it('writes values in Swedish', () => {
    expect(valueText(1234, 'count')).toBe('1\u00a0234');
    expect(valueText(2.5, 'hours')).toBe('2,5 timmar');
    expect(valueText(1, 'hours')).toBe('1 timme');
    expect(valueText(80, 'percent')).toBe('80 %');
    expect(valueText(null, 'count')).toBe('färre än 5');
    expect(wrapLabel('Kort')).toBe('Kort');
  });
});
