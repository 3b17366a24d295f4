import {
  AlignmentType,
  BorderStyle,
  type ISectionOptions,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { officeFonts } from "./fonts";

/** A4 in twips and the GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
const mm = 1440 / 25.4;
export const a4Page = {
  size: { width: 11906, height: 16838 },
  margin: {
    top: Math.round(37 * mm),
    bottom: Math.round(35 * mm),
    left: Math.round(28 * mm),
    right: Math.round(26 * mm),
  },
} as const;

/** Sizes in half-points: 二号 22 pt for titles, 三号 16 pt for body text, 四号 14 pt for tables. */
export const sizes = { title: 44, heading: 32, body: 32, table: 24, small: 21 } as const;

/** Document-wide defaults: 仿宋_GB2312 for Latin and East Asian text alike. */
export const docxStyles = {
  default: {
    document: {
      run: { font: { ascii: officeFonts.body, eastAsia: officeFonts.body, hAnsi: officeFonts.body }, size: sizes.body },
      paragraph: { spacing: { line: 560, lineRule: "exact" as const } },
    },
  },
};

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

export function docxSection(children: ISectionOptions["children"]): ISectionOptions {
  return { properties: { page: a4Page }, children };
}

/** Title in 方正小标宋简体, 二号, centred. */
export function docxTitle(text: string, options: { pageBreakBefore?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400, line: 700, lineRule: "exact" },
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [new TextRun({ text, font: font(officeFonts.title), size: sizes.title })],
  });
}

/** A section heading in 黑体, 三号. */
export function docxHeading(text: string) {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: font(officeFonts.heading), size: sizes.heading })],
  });
}

/** A second-level heading （一）… in 楷体_GB2312, 三号. */
export function docxSubheading(text: string) {
  return new Paragraph({
    spacing: { before: 120 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: font(officeFonts.subheading), size: sizes.body })],
  });
}

/** Body text in 仿宋_GB2312, 三号, first line indented two characters. */
export function docxParagraph(text: string, options: { indent?: boolean; align?: "left" | "right" | "center" } = {}) {
  const alignment =
    options.align === "right"
      ? AlignmentType.RIGHT
      : options.align === "center"
        ? AlignmentType.CENTER
        : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment,
    ...(options.indent === false ? {} : { indent: { firstLine: 640 } }),
    children: [new TextRun({ text, size: sizes.body })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const cellBorders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, width: number, bold = false) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    borders: cellBorders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          spacing: { line: 360, lineRule: "auto" },
          children: [
            new TextRun({ text: line, size: sizes.table, ...(bold ? { font: font(officeFonts.heading) } : {}) }),
          ],
        }),
    ),
  });
}

/** A bordered label/value table (申报书 sections). */
export function docxFieldTable(rows: ReadonlyArray<readonly [string, string]>) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) => new TableRow({ children: [cell(label, 28, true), cell(value.trim() || "—", 72)] }),
    ),
  });
}

/** A bordered table with a header row; widths are percentages. */
export function docxGrid(
  columns: ReadonlyArray<{ header: string; width: number }>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c.header, c.width, true)) }),
      ...rows.map((row) => new TableRow({ children: columns.map((c, i) => cell(row[i] ?? "", c.width)) })),
    ],
  });
}

/** Space between blocks. */
export function docxSpacer() {
  return new Paragraph({ children: [] });
}
