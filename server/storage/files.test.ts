import { describe, expect, it } from "vitest";
import { sanitizeFileName, sniffKind } from "./files";

describe("uploads are judged by content", () => {
  it.each([
    ["%PDF-1.7\n…", "pdf"],
    ["\x89PNG\r\n\x1a\n", "png"],
    ["\xff\xd8\xff\xe0", "jpeg"],
    ["PK\x03\x04....[Content_Types].xml word/document.xml", "docx"],
    ["PK\x03\x04....xl/workbook.xml", "xlsx"],
    ["PK\x03\x04 a zip with nothing office in it", null],
    ["MZ\x90\x00 an executable named .pdf", null],
  ])("%j → %s", (content, kind) => {
    expect(sniffKind(Buffer.from(content, "latin1"))).toBe(kind);
  });

  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\x\\申报书（盖章）.pdf", "申报书（盖章）.pdf"],
    ["a<b>c|d.docx", "a_b_c_d.docx"],
    ["...hidden", "hidden"],
    ["", "file"],
  ])("sanitizes %j to %j", (name, expected) => {
    expect(sanitizeFileName(name)).toBe(expected);
  });
});
