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

/** The font names Chinese government documents use (GB/T 9704), for .docx output. */
export const officeFonts = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading: "黑体",
  subheading: "楷体_GB2312",
} as const;
