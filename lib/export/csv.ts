// CSV for spreadsheets in Swedish offices: UTF-8 with a byte-order mark,
// semicolon-separated, CRLF line ends, formula injection defused. The payout
// list for finance, the year in figures and the audit log all use it.
import type { Table } from "./table";

const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";

/**
 * One CSV cell. A text starting with = + - @ (or a tab or carriage return)
 * would be run as a formula by a spreadsheet: it gets a leading apostrophe
 * (OWASP "CSV injection"). Cells with the separator, quotes, line breaks or
 * edge spaces are quoted, quotes doubled (RFC 4180). null is an empty cell.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  // Excel opens a UTF-8 file right only with the byte-order mark; Swedish Excel splits on semicolons.
  return BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join("\r\n") + "\r\n";
}

/**
 * Several tables in one CSV file: each its title on a line of its own, its
 * header row and rows, an empty line between tables. One table is just its
 * header and rows, so a program reading it gets a plain CSV.
 */
export function tablesToCsv(tables: readonly Table[]): string {
  if (tables.length === 1) return toCsv([tables[0]!.header, ...tables[0]!.rows]);
  const rows: (readonly (string | number | null)[])[] = [];
  tables.forEach((table, i) => {
    if (i > 0) rows.push([]);
    rows.push([table.title], table.header, ...table.rows);
  });
  return toCsv(rows);
}
