import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReportContent } from "../../../contracts/annual-report";
import { officeDate } from "../../../policy/calendar/dates";
import { chinaDate } from "../../clock";
import { auditLog, printedDocuments } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { docxText, multipart, pdfText, tinyPdf } from "../applications/recognition.fixtures";

const headings = [
  "一、基本情况",
  "二、国际合作协议",
  "三、联合研发项目",
  "四、人员交流与国际会议",
  "五、国际技术培训",
  "六、举办会议与期刊",
  "七、国际组织与联合机构、海外平台",
  "八、合作成果",
  "九、基地管理",
  "十、配套支持",
  "十一、年度重大事项变化",
  "十二、经验与问题",
  "十三、下一年度工作计划",
];

/** The code as printed: 验证码 followed by four groups of four hex digits (1A2B-3C4D-5E6F-7A8B). */
function printedCode(text: string): string {
  const match = text.match(/验证码：([0-9A-F]{4}(?:-[0-9A-F]{4}){3})/);
  if (!match?.[1]) throw new Error(`no verification code in:\n${text.slice(0, 500)}`);
  return match[1];
}

interface Summary {
  id: string;
  year: number;
  baseName: string;
  unitName: string;
  state: string;
  submittedAt: string | null;
}

describe.each(databaseKinds())("the annual report as Word and PDF on %s", (kind) => {
  let t: TestApp;
  let hust: Agent;
  let submitted: Summary;
  const documentOf = (agent: Agent, id: string, format: string) =>
    agent.get(`/api/annual-reports/${id}/document?format=${format}`);

  beforeAll(async () => {
    t = await startTestApp(kind, { PUBLIC_BASE_URL: "https://gjhz.example.cn/" });
    hust = await t.login("app.hust");
    const items: Summary[] = (await hust.get("/api/annual-reports")).json().items;
    submitted = items.find((item) => item.submittedAt !== null)!;
    expect(submitted).toBeDefined();
  });
  afterAll(() => t.close());

  it("prints the submitted report in Word: cover, the thirteen sections, tables, 无, the code the public check knows", async () => {
    const word = await documentOf(hust, submitted.id, "docx");
    expect(word.statusCode).toBe(200);
    expect(word.headers["content-type"]).toContain("wordprocessingml");
    expect(word.headers["content-disposition"]).toContain(
      encodeURIComponent(`${submitted.unitName}-${submitted.year}年度工作报告.docx`),
    );
    const text = await docxText(word.rawPayload);
    expect(text).toContain(`湖北省国际科技合作基地${submitted.year}年度工作报告`);
    expect(text).toContain(submitted.baseName);
    expect(text).toContain(submitted.unitName);
    expect(text).toContain(`${submitted.year}年度`);
    expect(text).toContain(officeDate(chinaDate(new Date(submitted.submittedAt!))));
    let at = 0;
    for (const heading of headings) {
      const found = text.indexOf(heading, at);
      expect(found, heading).toBeGreaterThan(at);
      at = found;
    }
    // The demo's agreement runs to 2028: valid at the year's end; the report has no exchanges: 无.
    expect(text).toMatch(/维也纳技术大学奥地利先进陶瓷材料联合研究协议[^序]*有效/);
    expect(text).toContain("四、人员交流与国际会议无五、");
    expect(text).toContain("弗劳恩霍夫激光技术研究所");
    expect(text).toContain("150万元");
    // No evidence files: the closing 附件清单 says so.
    expect(text).toContain("十三、下一年度工作计划");
    expect(text).toMatch(/附件清单无/);
    const code = word.headers["x-verification-code"] as string;
    expect(text).toContain(`验证码：${code}`);

    const check = await t.anonymous.get(`/api/public/verify/${code}`);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      code,
      kind: "annual-report",
      kindLabelZh: "国际科技合作基地年度工作报告",
      title: `${submitted.baseName}${submitted.year}年度工作报告`,
      issuer: submitted.unitName,
    });
  });

  it("prints the same version as PDF: the same code, registered once and audited at each generation", async () => {
    const pdf = await documentOf(hust, submitted.id, "pdf");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(`湖北省国际科技合作基地${submitted.year}年度工作报告`);
    expect(text).toContain(submitted.baseName);
    for (const heading of headings) expect(text).toContain(heading);
    expect(text).toMatch(/维也纳技术大学.*有效/);
    const code = printedCode(text);
    expect(code).toBe(pdf.headers["x-verification-code"]);
    expect((await t.anonymous.get(`/api/public/verify/${code}`)).json()).toMatchObject({ code, kind: "annual-report" });

    const rows = await t.database.db.select().from(printedDocuments).where(eq(printedDocuments.code, code));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "annual-report", subjectType: "annual-report", subjectId: submitted.id });
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "document.generate"), eq(auditLog.targetId, submitted.id)));
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(audited.at(-1)!.changes).toMatchObject({ kind: "annual-report", code });
  });

  it("marks each agreement valid or expired at the year's end, and a draft as not submitted", async () => {
    const yichang = await t.login("app.yichang");
    const draft: Summary = (await yichang.get("/api/annual-reports"))
      .json()
      .items.find((item: Summary) => item.state === "awaiting-report");
    const detail = (await yichang.get(`/api/annual-reports/${draft.id}`)).json();
    const content: AnnualReportContent = {
      ...detail.content,
      agreements: [
        ...detail.content.agreements,
        {
          partner: "格拉茨技术大学",
          country: "AT",
          title: "轻量化合金合作备忘录",
          startsOn: `${draft.year - 3}-01-01`,
          endsOn: `${draft.year}-06-30`,
        },
      ],
    };
    const saved = await yichang.request({
      method: "PUT",
      url: `/api/annual-reports/${draft.id}`,
      payload: { content, version: detail.version },
      headers: { "x-csrf-token": yichang.csrfToken },
    });
    expect(saved.statusCode).toBe(200);
    const attached = await yichang.request({
      method: "POST",
      url: `/api/annual-reports/${draft.id}/files`,
      ...multipart({}, { name: "合作协议（盖章）.pdf", content: tinyPdf, mediaType: "application/pdf" }),
    });
    expect(attached.statusCode).toBe(201);

    const pdf = await documentOf(yichang, draft.id, "pdf");
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toMatch(/维也纳技术大学.*有效/);
    expect(text).toMatch(/格拉茨技术大学.*已到期/);
    expect(text).toContain("尚未提交（草稿）");
    // The evidence files by name, after the thirteen sections (Art. 18, 22).
    expect(text).toMatch(/附件清单[\s\S]*合作协议（盖章）\.pdf/);
    const word = await documentOf(yichang, draft.id, "docx");
    const wordText = await docxText(word.rawPayload);
    expect(wordText.indexOf("附件清单")).toBeGreaterThan(wordText.indexOf("十三、下一年度工作计划"));
    expect(wordText).toMatch(/附件清单[^序]*序号文件名称大小SHA-256（前16位）1合作协议（盖章）\.pdf/);
    expect(wordText).toMatch(/格拉茨技术大学奥地利轻量化合金合作备忘录[^序]*已到期/);
    expect(word.headers["x-verification-code"]).toBe(printedCode(text));
  });

  it("is a 404 to another unit, a 400 without a format and a 401 without a session", async () => {
    const yichang = await t.login("app.yichang");
    expect((await documentOf(yichang, submitted.id, "pdf")).statusCode).toBe(404);
    expect((await documentOf(yichang, submitted.id, "docx")).statusCode).toBe(404);
    expect((await hust.get(`/api/annual-reports/${submitted.id}/document`)).statusCode).toBe(400);
    expect((await documentOf(hust, submitted.id, "xlsx")).statusCode).toBe(400);
    expect((await documentOf(t.anonymous, submitted.id, "pdf")).statusCode).toBe(401);
    const register = await t.database.db
      .select()
      .from(printedDocuments)
      .where(eq(printedDocuments.subjectId, submitted.id));
    expect(register).toHaveLength(1);
  });
});
