import "server-only";
// XLSX through write-excel-file: one sheet per table, the header row bold and
// frozen, numbers stored as numbers (a sum in Excel just works) and every text
// as a shared string, never as a formula, whatever it starts with.
import writeXlsxFile, { type SheetData } from "write-excel-file/node";
import type { Table } from "./table";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel's limits on a sheet name: 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, i) => {
    const base = (title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim() || `Blad ${i + 1}`).slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function width(table: Table, column: number): number {
  const given = table.widths?.[column];
  if (given) return given;
  const longest = Math.max(table.header[column]?.length ?? 0, ...table.rows.slice(0, 200).map((r) => String(r[column] ?? "").length));
  return Math.min(60, Math.max(8, longest + 2));
}

export async function tablesToXlsx(tables: readonly Table[]): Promise<Buffer> {
  const names = sheetNames(tables.map((t) => t.title));
  const sheets = tables.map((table, i) => {
    const data: SheetData = [
      table.header.map((h) => ({ value: h, fontWeight: "bold" as const })),
      ...table.rows.map((row) => row.map((cell) => (typeof cell === "number" ? { value: cell, type: Number } : cell === null || cell === "" ? null : { value: cell, type: String }))),
    ];
    return { sheet: names[i]!, data, stickyRowsCount: 1, columns: table.header.map((_, c) => ({ width: width(table, c) })) };
  });
  return writeXlsxFile(sheets).toBuffer();
}
