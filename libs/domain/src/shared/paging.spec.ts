import { matchesSearch, pageCount, pageOf, pageOffset, searchText } from './paging';

describe('paging', () => {
  it('counts pages so that an empty list is page 1 of 1', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(1100, 20)).toBe(55);
  });

  it('skips whole pages before the one asked for', () => {
    expect(pageOffset(1, 50)).toBe(0);
    expect(pageOffset(3, 50)).toBe(100);
  });

  it('gives one page of a list with the total, and an empty page after the last one', () => {
    const list = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(list, 1, 20)).toEqual({ items: list.slice(0, 20), page: 1, pageSize: 20, total: 45 });
    expect(pageOf(list, 3, 20).items).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(list, 4, 20)).toEqual({ items: [], page: 4, pageSize: 20, total: 45 });
  });
});

describe('search', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(searchText('  Göteborg   Stadsbibliotek ')).toBe('goteborg stadsbibliotek');
    expect(searchText('MALMÖ')).toBe('malmo');
    expect(searchText('Åre')).toBe('are');
  });

  it('finds a text when every word of the query occurs in it, in any order', () => {
    expect(matchesSearch('goteborg', 'Göteborgs stadsbibliotek', 'Götaplatsen 3')).toBe(true);
    expect(matchesSearch('götaplatsen stads', 'Göteborgs stadsbibliotek', 'Götaplatsen 3')).toBe(true);
    expect(matchesSearch('malmö', 'Göteborgs stadsbibliotek', 'Götaplatsen 3')).toBe(false);
    expect(matchesSearch('', 'anything')).toBe(true);
    expect(matchesSearch(undefined, 'anything')).toBe(true);
    expect(matchesSearch('anna', 'Anna Berg', null)).toBe(true);
  });
});
