import type { DashboardView } from '@digihjalpen/domain';
import { summaryText } from './weekly-summary';

const week: DashboardView = {
  from: '2026-11-16',
  to: '2026-11-22',
  siteIds: [],
  suppressed: false,
  suppressedBelow: 5,
  totals: { visits: 23, bookings: 14, attended: 11, noShows: 2, noShowRate: 2 / 13, returningShare: 0.4, utilisation: 0.7, helperMinutes: 450 },
  visitsPerWeek: [],
  categories: [
    { key: 'bankid', label: 'BankID och e-legitimation', count: 9 },
    { key: 'email', label: 'E-post', count: 6 },
    { key: 'healthcare', label: '1177 Vårdguiden', count: 4 },
    { key: 'scams', label: 'Bedrägerier', count: 1 },
  ],
  outcomes: [],
  cameVia: [],
  referredTo: [],
  returning: [],
  attendance: [],
  utilisationBands: [],
  utilisationBySite: [],
  helperHours: [],
};

describe(summaryText.name, () => {
  it('tells last week’s numbers and the coming gaps in plain Swedish', () => {
    const text = summaryText('Karin', week, [
      { sessionId: 's1', siteId: 'a', site: 'norrby', siteName: 'Norrby bibliotek', start: '2026-11-25T13:00:00+01:00', helpersNeeded: 2, helpers: 1 },
    ]);
    expect(text.split('\n')).toEqual([
      'Hej Karin!',
      '',
      'Så gick veckan 2026-11-16 – 2026-11-22:',
      '- Besök: 23',
      '- Bokningar: 14, varav 11 kom och 2 inte kom',
      '- Bokade platser: 70 %',
      '- Godkända timmar för digivärdar: 7,5',
      '- Vanligast: BankID och e-legitimation (9), E-post (6), 1177 Vårdguiden (4)',
      '',
      'De här träffarna den kommande veckan saknar digivärdar:',
      '- Norrby bibliotek, onsdag 25 november kl. 13:00: 1 av 2',
      '',
      'Mer statistik finns under Statistik i Digihjälpen. Du kan stänga av det här mejlet där.',
    ]);
  });
  it('says so when nothing was logged and every session is staffed', () => {
    const text = summaryText('Karin', { ...week, totals: { ...week.totals, visits: 0 }, categories: [] }, []);
    expect(text).toContain('- Inga besök loggades.');
    expect(text).toContain('Alla träffar den kommande veckan har de digivärdar som behövs.');
  });
});
