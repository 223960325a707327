import { safeCell, toCsv } from './csv';

describe(toCsv.name, () => {
  it('defuses cells a spreadsheet would run as formulas, and keeps numbers', () => {
    expect(safeCell('=HYPERLINK("http://evil","klicka")')).toBe(`'=HYPERLINK("http://evil","klicka")`);
    expect(safeCell('+46701234567')).toBe(`'+46701234567`);
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(7.5)).toBe('7,5');
    expect(safeCell('BankID')).toBe('BankID');
  });
  it('writes semicolon-separated lines with a byte-order mark for Swedish Excel', () => {
    expect(toCsv(['a', 'b'], [['x;y', 1]])).toBe('\ufeffa;b\r\n"x;y";1\r\n');
  });
});
