import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  chineseDate,
  noticeVerification,
  recognitionNoticeDocx,
  recognitionNoticeOf,
  recognitionNoticePdf,
} from "./recognition-notice";

const notice = recognitionNoticeOf({
  documentNumber: "鄂科技函〔2026〕12号",
  title: "关于认定2026年度湖北省国际科技合作基地的通知",
  issuedOn: "2026-12-01",
  roundYear: 2026,
  bases: [
    { name: "湖北省人工智能国际科技合作基地（联合研究）", unitName: "武汉光谷激光科技有限公司" },
    { name: "湖北省新材料国际科技合作基地（技术转移）", unitName: "宜昌三峡新材料股份有限公司" },
  ],
});

describe("chineseDate", () => {
  it.each([
    ["2026-12-01", "二〇二六年十二月一日"],
    ["2025-10-26", "二〇二五年十月二十六日"],
    ["2030-01-10", "二〇三〇年一月十日"],
    ["2027-12-31", "二〇二七年十二月三十一日"],
    ["2026-03-15", "二〇二六年三月十五日"],
    ["2026-07-20", "二〇二六年七月二十日"],
  ])("%s → %s", (iso, expected) => {
    expect(chineseDate(iso)).toBe(expected);
  });
});

describe("recognition notice", () => {
  it("renders a .docx in 公文 layout: A4, 37/35/28/26 mm margins, red mark, 〔〕 number, 小标宋 title, 仿宋 body", async () => {
    const zip = await JSZip.loadAsync(await recognitionNoticeDocx(notice));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    expect(xml).toContain(`w:top="${twips(37)}"`);
    expect(xml).toContain(`w:bottom="${twips(35)}"`);
    expect(xml).toContain(`w:left="${twips(28)}"`);
    expect(xml).toContain(`w:right="${twips(26)}"`);
    expect(xml).toMatch(/<w:color w:val="E60012"\/>.*湖北省科学技术厅文件|湖北省科学技术厅文件/s);
    expect(xml).toContain("E60012");
    expect(xml).toContain("鄂科技函〔2026〕12号");
    expect(xml).toContain("方正小标宋简体");
    expect(xml).toMatch(/w:sz w:val="44"/); // 二号 title
    expect(xml).toContain("关于认定2026年度湖北省国际科技合作基地的通知");
    expect(xml).toContain("湖北省新材料国际科技合作基地（技术转移）");
    expect(xml).toContain("宜昌三峡新材料股份有限公司");
    expect(xml).toContain("二〇二六年十二月一日");
    expect(xml).toContain(noticeVerification(notice).code);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain("仿宋_GB2312");
    expect(styles).toMatch(/w:sz w:val="32"/); // 三号 body
  });

  it("renders the same notice as a PDF with the CJK font embedded", async () => {
    const pdf = await recognitionNoticePdf(notice);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const dir = mkdtempSync(join(tmpdir(), "notice-"));
    writeFileSync(join(dir, "notice.pdf"), pdf);
    const text = execFileSync("pdftotext", ["-layout", join(dir, "notice.pdf"), "-"], { encoding: "utf8" });
    for (const expected of [
      "湖北省科学技术厅文件",
      "鄂科技函〔2026〕12号",
      "关于认定2026年度湖北省国际科技合作基地",
      "各市、州、直管市、神农架林区科技局",
      "武汉光谷激光科技有限公司",
      "二〇二六年十二月一日",
      noticeVerification(notice).code,
    ]) {
      expect(text).toContain(expected);
    }
    const info = execFileSync("pdfinfo", [join(dir, "notice.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
  });
});
