import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { revocationNoticeOf, revocationNoticePdf, revocationNoticeVerification } from "./revocation-notice";

const notice = revocationNoticeOf({
  documentNumber: "鄂科技函〔2028〕7号",
  baseName: "湖北省新材料国际科技合作基地（技术转移）",
  unitName: "宜昌三峡新材料股份有限公司",
  ground: 6,
  groundZh: "绩效考核整改期满后仍不合格",
  article: "20.6",
  meetingDate: "2028-02-28",
  revokedOn: "2028-02-29",
  banEndsOn: "2031-02-28",
});

describe("revocation notice (Art. 20)", () => {
  it("renders in 公文 layout with the number, base, ground's article, ban end and verification code", async () => {
    const pdf = await revocationNoticePdf(notice);
    const dir = mkdtempSync(join(tmpdir(), "revocation-"));
    writeFileSync(join(dir, "notice.pdf"), pdf);
    const text = execFileSync("pdftotext", [join(dir, "notice.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    for (const expected of [
      "湖北省科学技术厅文件",
      "鄂科技函〔2028〕7号",
      "关于取消湖北省新材料国际科技合作基地（技术转移）资格的通知",
      "宜昌三峡新材料股份有限公司：",
      "第二十条第（六）项",
      "绩效考核整改期满后仍不合格",
      "2031年2月28日",
      "二〇二八年二月二十九日",
      revocationNoticeVerification(notice).code,
    ]) {
      expect(text).toContain(expected);
    }
    const info = execFileSync("pdfinfo", [join(dir, "notice.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
  });
  it("the code changes with the content", () => {
    const other = revocationNoticeOf({
      ...notice,
      documentNumber: "鄂科技函〔2028〕8号",
      baseName: notice.baseName,
      unitName: "x",
      ground: 6,
      groundZh: "",
      article: "20.6",
      meetingDate: "2028-02-28",
      revokedOn: "2028-02-29",
      banEndsOn: "2031-02-28",
    });
    expect(revocationNoticeVerification(other).code).not.toBe(revocationNoticeVerification(notice).code);
  });
});
