// Flowing text on A4 pages with pdf-lib: word wrapping, page breaks and a
// footer on every page. Pure: bytes out, no files, no clock.
//
// The standard fonts only know WinAnsi (Latin-1 plus a few typographic
// signs): å, ä, ö, é, ü and dashes print, but a name typed with ł or a Greek
// letter would make pdf-lib throw, so text goes through printable() first.
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";

/** A4 in points (1/72 inch). */
export const A4: [width: number, height: number] = [595.28, 841.89];

export type Fonts = { regular: PDFFont; bold: PDFFont };

export type PageLayout = {
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  /** Text stops above this; the footer sits below it. */
  marginBottom: number;
};

/** 2.5 cm at the sides, room for a footer at the bottom. */
export const LETTER_LAYOUT: PageLayout = { marginLeft: 70.87, marginRight: 70.87, marginTop: 62, marginBottom: 78 };

const BODY_SIZE = 10.5;
const LINE_FACTOR = 1.4;
const TEXT = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

// Characters that look the same as one the font has; the rest lose their accent or become "?".
const LOOKALIKES: Record<string, string> = {
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "–",
  "\u2015": "—",
  "\u2009": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u202F": "\u00A0",
  "\u2007": "\u00A0",
  "\u00AD": "",
  "\u200B": "",
  "\u200C": "",
  "\u200D": "",
  "\uFEFF": "",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
  ħ: "h",
  Ħ: "H",
  ŋ: "n",
  Ŋ: "N",
  "\u2032": "'",
  "\u2033": '"',
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
};

/** The text as the font can print it: one line, known characters only. */
export function printable(text: string, font: PDFFont): string {
  const known = charsetOf(font);
  let out = "";
  for (const ch of text.normalize("NFC").replace(/[\t\r\n\v\f]+/g, " ")) {
    const code = ch.codePointAt(0)!;
    if (known.has(code)) out += ch;
    else if (ch in LOOKALIKES) out += LOOKALIKES[ch];
    else {
      const bare = ch.normalize("NFD").replace(/\p{M}+/gu, "");
      out += bare && [...bare].every((c) => known.has(c.codePointAt(0)!)) ? bare : "?";
    }
  }
  return out;
}

const charsets = new WeakMap<PDFFont, Set<number>>();
function charsetOf(font: PDFFont): Set<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

/**
 * Breaks printable text into lines no wider than maxWidth. Breaks only at
 * ordinary spaces, so "10 000 kr" written with no-break spaces stays on one
 * line; a word wider than the line (a long URL) is broken between characters.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (width(rest) > maxWidth) {
      let cut = 1;
      while (cut < rest.length && width(rest.slice(0, cut + 1)) <= maxWidth) cut++;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

type TextOptions = { font?: "regular" | "bold"; size?: number; indent?: number; gapAfter?: number; color?: "text" | "muted" };

/** Writes top to bottom, starting a new page whenever the next line would not fit. */
export class PageWriter {
  private page: PDFPage;
  private y: number;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly layout: PageLayout = LETTER_LAYOUT,
  ) {
    this.page = this.addPage();
    this.y = this.top;
  }

  get contentWidth(): number {
    return A4[0] - this.layout.marginLeft - this.layout.marginRight;
  }

  private get top(): number {
    return A4[1] - this.layout.marginTop;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage(A4);
    this.pages.push(page);
    return page;
  }

  private newPage(): void {
    this.page = this.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keep(height: number): void {
    if (this.y - height < this.layout.marginBottom && this.y < this.top) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** One paragraph, wrapped; returns the lines it took. */
  text(value: string, options: TextOptions = {}): number {
    const font = this.fonts[options.font ?? "regular"];
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    const lineHeight = size * LINE_FACTOR;
    const lines = wrapText(printable(value, font), font, size, this.contentWidth - indent);
    for (const line of lines) {
      this.keep(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x: this.layout.marginLeft + indent,
        y: this.y + (lineHeight - size) / 2,
        size,
        font,
        color: options.color === "muted" ? MUTED : TEXT,
      });
    }
    this.y -= options.gapAfter ?? size * 0.6;
    return lines.length;
  }

  /** A section heading, kept on the page with at least two lines of what follows. */
  heading(value: string, size = 12): void {
    this.keep(size * LINE_FACTOR + size * 0.8 + 2 * BODY_SIZE * LINE_FACTOR);
    this.gap(size * 0.8);
    this.text(value, { font: "bold", size, gapAfter: size * 0.3 });
  }

  /** Paragraphs separated by blank lines or line breaks in the value, as typed. */
  paragraphs(value: string, options: TextOptions = {}): void {
    for (const paragraph of value.split(/\r?\n/).map((p) => p.trim()).filter(Boolean)) this.text(paragraph, options);
  }

  bullets(items: string[]): void {
    const font = this.fonts.regular;
    const indent = 14;
    for (const item of items) {
      this.keep(BODY_SIZE * LINE_FACTOR);
      const bulletY = this.y - BODY_SIZE * LINE_FACTOR + (BODY_SIZE * LINE_FACTOR - BODY_SIZE) / 2;
      this.page.drawText("•", { x: this.layout.marginLeft + 3, y: bulletY, size: BODY_SIZE, font, color: TEXT });
      this.text(item, { indent });
    }
  }

  /** Label and value pairs in two columns; a long value wraps in its own column. */
  facts(rows: [label: string, value: string][], labelWidth = 140): void {
    const size = BODY_SIZE;
    const lineHeight = size * LINE_FACTOR;
    const valueWidth = this.contentWidth - labelWidth;
    for (const [label, value] of rows) {
      const lines = wrapText(printable(value, this.fonts.regular), this.fonts.regular, size, valueWidth);
      // A row is not split over two pages unless it is longer than a page.
      this.keep(Math.min(lines.length, 4) * lineHeight);
      const labelLines = wrapText(printable(label, this.fonts.bold), this.fonts.bold, size, labelWidth - 8);
      labelLines.forEach((line, i) => {
        this.page.drawText(line, { x: this.layout.marginLeft, y: this.y - (i + 1) * lineHeight + (lineHeight - size) / 2, size, font: this.fonts.bold, color: TEXT });
      });
      let drawn = 0;
      for (const line of lines.length ? lines : [""]) {
        this.keep(lineHeight);
        this.y -= lineHeight;
        this.page.drawText(line, { x: this.layout.marginLeft + labelWidth, y: this.y + (lineHeight - size) / 2, size, font: this.fonts.regular, color: TEXT });
        drawn++;
      }
      if (labelLines.length > drawn) this.y -= (labelLines.length - drawn) * lineHeight;
      this.y -= size * 0.2;
    }
    this.y -= size * 0.4;
  }

  /** Two columns side by side, the right one `rightWidth` wide: a letterhead. */
  columns(left: { text: string; font?: "regular" | "bold"; size?: number }[], right: { text: string; font?: "regular" | "bold"; size?: number }[], rightWidth = 170): void {
    const start = this.y;
    const draw = (items: typeof left, x: number, width: number) => {
      let y = start;
      for (const item of items) {
        const font = this.fonts[item.font ?? "regular"];
        const size = item.size ?? BODY_SIZE;
        for (const line of wrapText(printable(item.text, font), font, size, width)) {
          y -= size * LINE_FACTOR;
          this.page.drawText(line, { x, y: y + (size * LINE_FACTOR - size) / 2, size, font, color: TEXT });
        }
      }
      return y;
    };
    const leftEnd = draw(left, this.layout.marginLeft, this.contentWidth - rightWidth - 16);
    const rightEnd = draw(right, A4[0] - this.layout.marginRight - rightWidth, rightWidth);
    this.y = Math.min(leftEnd, rightEnd) - BODY_SIZE * 0.6;
  }

  /** A thin line across the text column. */
  rule(): void {
    this.gap(4);
    this.page.drawLine({
      start: { x: this.layout.marginLeft, y: this.y },
      end: { x: A4[0] - this.layout.marginRight, y: this.y },
      thickness: 0.6,
      color: MUTED,
    });
    this.gap(10);
  }

  /** Draws the footer on every page once all pages exist: `footer(1, 3)` gives page 1's text. */
  finish(footer: (page: number, pages: number) => string): void {
    const size = 8.5;
    const font = this.fonts.regular;
    this.pages.forEach((page, i) => {
      const lines = wrapText(printable(footer(i + 1, this.pages.length), font), font, size, this.contentWidth);
      lines.forEach((line, j) => {
        page.drawText(line, { x: this.layout.marginLeft, y: this.layout.marginBottom - 28 - j * size * 1.3, size, font, color: MUTED });
      });
    });
  }
}
