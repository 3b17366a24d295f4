import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const fontRoot = dirname(require.resolve("@expo-google-fonts/noto-serif-sc/package.json"));

/**
 * CJK fonts shipped through npm (OFL), so a fresh machine renders Chinese in PDFs without Debian fonts. Noto Serif SC
 * stands in for 仿宋 (body) and, in bold, for 小标宋 (titles). Word files name the office fonts instead and the
 * reader's machine supplies them.
 */
export const pdfFonts = {
  body: join(fontRoot, "400Regular", "NotoSerifSC_400Regular.ttf"),
  title: join(fontRoot, "700Bold", "NotoSerifSC_700Bold.ttf"),
} as const;

let loaded: { body: Buffer; title: Buffer } | null = null;

/**
 * Registers the two CJK fonts as `body` and `title` on a PDF document. The 15 MB files are read once per process
 * and kept: every PDF used to read both from disk again.
 */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  loaded ??= { body: readFileSync(pdfFonts.body), title: readFileSync(pdfFonts.title) };
  doc.registerFont("body", loaded.body);
  doc.registerFont("title", loaded.title);
}

/** The font names Chinese government documents use (GB/T 9704), for .docx output. */
export const officeFonts = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading: "黑体",
  subheading: "楷体_GB2312",
} as const;
