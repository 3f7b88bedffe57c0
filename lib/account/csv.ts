// CSV for spreadsheets: RFC 4180 quoting, cells that a spreadsheet would run
// as a formula made inert, and times written as local times a spreadsheet
// reads as dates. Pure, so it is unit-tested on its own.

import "server-only";

import { zonedDateTimeFormat } from "@/lib/shared/dates";

export type CsvCell = string | number | boolean | null | undefined;

export type CsvColumn<Row> =
  | { header: string; value: (row: Row) => CsvCell }
  /** An instant (a Date or an ISO string), written as the local time in the file's zone, which the header names. */
  | { header: string; instant: (row: Row) => Date | string | null | undefined };

// Excel, LibreOffice and Google Sheets start a formula (or DDE call) with these. A hyphen
// counts unless a space follows it: "-1", "-(", "-A1" are formulas, "- milk" is a list item.
const FORMULA_START = /^(?:[=+@\t\r]|-(?=\S))/;

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

/** "2026-12-04 14:30" in `timeZone`: the form Excel, LibreOffice and Google Sheets all read as a date and time. */
export function csvLocalTime(instant: Date | string, timeZone: string): string {
  const parts = zonedDateTimeFormat(timeZone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/**
 * A whole file: a header row, then one line per row, CRLF line ends as RFC 4180
 * asks. Instants are written in `timeZone` (the user's), named in their header:
 * "Added (Europe/Berlin)".
 */
export function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[], { timeZone = "UTC" }: { timeZone?: string } = {}): string {
  const header = (column: CsvColumn<Row>) => ("instant" in column ? `${column.header} (${timeZone})` : column.header);
  const cell = (column: CsvColumn<Row>, row: Row): CsvCell => {
    if (!("instant" in column)) return column.value(row);
    const instant = column.instant(row);
    return instant === null || instant === undefined ? null : csvLocalTime(instant, timeZone);
  };
  const lines = [columns.map((column) => csvCell(header(column))), ...rows.map((row) => columns.map((column) => csvCell(cell(column, row))))];
  return `${lines.map((cells) => cells.join(",")).join("\r\n")}\r\n`;
}
