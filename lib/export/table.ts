// A table to export: what the CSV and XLSX writers both take.

export type Cell = string | number | null;

export type Table = {
  /** The sheet's name in XLSX (Excel allows 31 characters), a title line in CSV. */
  title: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Column widths in characters (XLSX only); guessed from the contents when left out. */
  widths?: readonly number[];
};
