// CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would
// run as a formula made inert. Pure, so it is unit-tested on its own.

import "server-only";

export type CsvCell = string | number | boolean | null | undefined;

// Excel, LibreOffice and Google Sheets start a formula (or DDE call) with these.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a text that a spreadsheet would read as a formula gets a leading
 * apostrophe (OWASP's advice), and a cell with a comma, quote or line break
 * is quoted with its quotes doubled. Numbers are written as they are: they
 * cannot be formulas, and a negative number must stay a number.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: a header row, then one line per row, CRLF line ends as RFC 4180 asks. */
export function toCsv<Row>(columns: ReadonlyArray<{ header: string; value: (row: Row) => CsvCell }>, rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvCell(column.header)), ...rows.map((row) => columns.map((column) => csvCell(column.value(row))))];
  return `${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`;
}
