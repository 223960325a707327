import { stringify } from 'csv-stringify/sync';

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Defuses text that a spreadsheet would read as a formula. Whole numbers stay numbers; decimals get a
 * decimal comma, as Swedish spreadsheets read them (7,5 — with a point they become dates or text).
 */
export function safeCell(value: string | number | boolean | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value : String(value).replace('.', ',');
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV for Swedish spreadsheets: semicolons, CRLF, UTF-8 with BOM; every text cell defused. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return stringify([[...header], ...rows.map((row) => row.map(safeCell))], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** More rows for a CSV begun by toCsv (no header, no BOM): for files written a part at a time. */
export function csvRows(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.length ? stringify(rows.map((row) => row.map(safeCell)), { delimiter: ';', record_delimiter: 'windows' }) : '';
}
