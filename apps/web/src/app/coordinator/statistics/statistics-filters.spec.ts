import { chartCsvUrl, dashboardParams, filtersFromUrl, quickPeriod, urlQueryOf } from './statistics-filters';
import { NORRBY_ID, STADSBIBLIOTEKET_ID, aDashboardView } from './statistics-testing';

describe('statistics filters', () => {
  it('reads the filter from the address, dropping empty and repeated site ids', () => {
    expect(filtersFromUrl({ fran: '2030-03-01', till: '2030-03-31', platser: `${NORRBY_ID},,${NORRBY_ID},${STADSBIBLIOTEKET_ID}`, dolj: '1' })).toEqual({
      from: '2030-03-01',
      to: '2030-03-31',
      siteIds: [NORRBY_ID, STADSBIBLIOTEKET_ID],
      suppress: true,
    });
    expect(filtersFromUrl({})).toEqual({ from: '', to: '', siteIds: [], suppress: false });
    expect(filtersFromUrl({ dolj: 'ja' }).suppress).toBe(false);
  });

  it('writes only what is set into the address, and back again to the same filter', () => {
    const filters = { from: '2030-03-01', to: '', siteIds: [NORRBY_ID, STADSBIBLIOTEKET_ID], suppress: true };
    const query = urlQueryOf(filters);
    expect(query).toEqual({ fran: '2030-03-01', till: null, platser: `${NORRBY_ID},${STADSBIBLIOTEKET_ID}`, dolj: '1' });
    expect(filtersFromUrl({ fran: query['fran'] ?? undefined, platser: query['platser'] ?? undefined, dolj: query['dolj'] ?? undefined })).toEqual(filters);
    expect(urlQueryOf({ from: '', to: '', siteIds: [], suppress: false })).toEqual({ fran: null, till: null, platser: null, dolj: null });
  });

  it('asks the API for from, to, sites (comma separated) and suppress=true, leaving out the defaults', () => {
    expect(dashboardParams({ from: '2030-03-01', to: '2030-03-31', siteIds: [NORRBY_ID, STADSBIBLIOTEKET_ID], suppress: true })).toEqual({
      from: '2030-03-01',
      to: '2030-03-31',
      sites: `${NORRBY_ID},${STADSBIBLIOTEKET_ID}`,
      suppress: 'true',
    });
    expect(dashboardParams({ from: '', to: '2030-03-31', siteIds: [], suppress: false })).toEqual({ to: '2030-03-31' });
  });

  it('links each chart’s CSV with the period the API settled on, the sites and the suppression', () => {
    expect(chartCsvUrl('visits-per-week', aDashboardView())).toBe('/api/insights/dashboard/visits-per-week.csv?from=2030-03-04&to=2030-03-24');
    expect(chartCsvUrl('came-via', aDashboardView({ siteIds: [NORRBY_ID], suppressed: true }))).toBe(
      `/api/insights/dashboard/came-via.csv?from=2030-03-04&to=2030-03-24&sites=${NORRBY_ID}&suppress=true`,
    );
  });

  it('gives the quick choices’ dates from today', () => {
    expect(quickPeriod('last-4-weeks', '2030-03-15')).toEqual({ from: '', to: '' });
    expect(quickPeriod('last-month', '2030-03-15')).toEqual({ from: '2030-02-01', to: '2030-02-28' });
    expect(quickPeriod('last-month', '2032-03-01')).toEqual({ from: '2032-02-01', to: '2032-02-29' });
    expect(quickPeriod('last-month', '2030-01-10')).toEqual({ from: '2029-12-01', to: '2029-12-31' });
    expect(quickPeriod('this-year', '2030-03-15')).toEqual({ from: '2030-01-01', to: '2030-03-15' });
  });
});
