import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReportContent } from "../../../contracts/annual-report";
import { execute } from "../../commands/command";
import { auditLog, bases, yearlyFiles } from "../../db/schema";
import { invocationAs } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { openRectification } from "../../yearly/rectification";
import { annualReportTarget } from "../../yearly/report-target";
import { multipart, tinyDocx, tinyPdf } from "../applications/recognition.fixtures";

const complete: AnnualReportContent = {
  summary: "基地围绕新材料开展国际合作。",
  agreements: [
    { partner: "维也纳技术大学", country: "AT", title: "联合研究协议", startsOn: "2024-01-01", endsOn: "2028-12-31" },
  ],
  results: { jointPapers: 4, internationalPatents: 1, transfers: 0, transferIncomeWan: 0 },
  management: {
    fullTimeStaff: 2,
    rules: ["基地管理办法"],
    ipManagement: "知识产权归属按协议约定。",
    securityPlan: "已制定科技安全预案。",
    biosafetyEthics: "不涉及生物安全事项。",
    tripsAbroad: 3,
  },
  support: { recommenderWan: 20, hostUnitWan: 100, conditions: "提供实验用房 800 平方米。" },
  experience: "加强协议管理。",
  nextYearPlan: "新增 1 项联合研发项目。",
};

/** A small but real PDF: header, one object, trailer. */
const evidencePdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const remove = (agent: Agent, url: string) =>
  agent.request({ method: "DELETE", url, headers: { "x-csrf-token": agent.csrfToken } });
const put = (agent: Agent, url: string, payload: object) =>
  agent.request({ method: "PUT", url, payload, headers: { "x-csrf-token": agent.csrfToken } });

describe.each(databaseKinds())("evidence files of annual reports and rectification cases on %s", (kind) => {
  let t: TestApp;
  let reportId: string;
  let hustReportId: string;
  /** Uploads one file; the clock moves a second first, so files list in upload order. */
  const uploadTo = (agent: Agent, url: string, file: { name: string; content: Buffer; mediaType?: string }) => {
    t.clock.advance(1_000);
    return agent.request({
      method: "POST",
      url,
      ...multipart({}, { name: file.name, content: file.content, mediaType: file.mediaType ?? "application/pdf" }),
    });
  };
  const audits = async (targetId: string, action: string) =>
    t.database.db
      .select({ outcome: auditLog.outcome, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action)))
      .orderBy(asc(auditLog.seq));

  beforeAll(async () => {
    t = await startTestApp(kind);
    // The demo: 宜昌三峡新材料's report is a draft, 华中科技大学's is with the department.
    [{ id: reportId }] = (await (await t.login("app.yichang")).get("/api/annual-reports")).json().items;
    const hust = (await (await t.login("app.hust")).get("/api/annual-reports")).json().items as Array<{
      id: string;
      submittedAt: string | null;
    }>;
    hustReportId = hust.find((item) => item.submittedAt !== null)!.id;
  });
  afterAll(() => t.close());

  it("takes a PDF on the unit's draft report: listed, downloaded byte for byte, audited, on the report's view", async () => {
    const unit = await t.login("app.yichang");
    const before = (await unit.get(`/api/annual-reports/${reportId}/files`)).json();
    expect(before).toMatchObject({ items: [], editable: true, openSlot: "evidence" });
    const uploaded = await uploadTo(unit, `/api/annual-reports/${reportId}/files`, {
      name: "合作协议（盖章）.pdf",
      content: evidencePdf,
    });
    expect(uploaded.statusCode).toBe(201);
    const [file] = uploaded.json().items;
    expect(file).toMatchObject({ slot: "evidence", name: "合作协议（盖章）.pdf", mediaType: "application/pdf" });
    expect(file.size).toBe(evidencePdf.length);
    const word = await uploadTo(unit, `/api/annual-reports/${reportId}/files`, {
      name: "人员名单.docx",
      content: tinyDocx,
      mediaType: "application/octet-stream",
    });
    expect(word.statusCode).toBe(201);
    expect(word.json().items).toHaveLength(2);

    const downloaded = await unit.get(`/api/annual-reports/${reportId}/files/${file.id}`);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers["content-type"]).toBe("application/pdf");
    expect(downloaded.rawPayload.equals(evidencePdf)).toBe(true);
    const detail = (await unit.get(`/api/annual-reports/${reportId}`)).json();
    expect(detail.files.map((f: { name: string }) => f.name)).toEqual(["合作协议（盖章）.pdf", "人员名单.docx"]);
    const [row] = await t.database.db.select().from(yearlyFiles).where(eq(yearlyFiles.id, file.id));
    expect(row).toMatchObject({ subjectKind: "annual-report", subjectId: reportId, slot: "evidence" });
    const audited = await audits(reportId, "annual-report.attach-file");
    expect(audited.map((a) => a.outcome)).toEqual(["success", "success"]);
    expect(audited[0]!.changes).toMatchObject({ name: "合作协议（盖章）.pdf", size: evidencePdf.length });
  });

  it("lets the recommender and the department read the files; another unit or jurisdiction gets a 404", async () => {
    const unit = await t.login("app.yichang");
    const [file] = (await unit.get(`/api/annual-reports/${reportId}/files`)).json().items;
    for (const reader of ["rec.yichang", "officer"]) {
      const agent = await t.login(reader);
      const list = await agent.get(`/api/annual-reports/${reportId}/files`);
      expect(list.statusCode, reader).toBe(200);
      // Readers, not the host unit: nothing to add.
      expect(list.json()).toMatchObject({ editable: false, openSlot: null });
      const download = await agent.get(`/api/annual-reports/${reportId}/files/${file.id}`);
      expect(download.rawPayload.equals(evidencePdf), reader).toBe(true);
    }
    for (const stranger of ["app.wuhan-ent", "rec.wuhan"]) {
      const agent = await t.login(stranger);
      expect((await agent.get(`/api/annual-reports/${reportId}/files`)).statusCode, stranger).toBe(404);
      expect((await agent.get(`/api/annual-reports/${reportId}/files/${file.id}`)).statusCode, stranger).toBe(404);
    }
    const other = await t.login("app.wuhan-ent");
    const sneaked = await uploadTo(other, `/api/annual-reports/${reportId}/files`, { name: "x.pdf", content: tinyPdf });
    expect(sneaked.statusCode).toBe(404);
    expect((await remove(other, `/api/annual-reports/${reportId}/files/${file.id}`)).statusCode).toBe(404);
    // A file id of one report does not open through another report the caller can read.
    const hust = await t.login("app.hust");
    expect((await hust.get(`/api/annual-reports/${hustReportId}/files/${file.id}`)).statusCode).toBe(404);
    // The recommender reads but does not write: its role has no annual-report.submit.
    const recommender = await t.login("rec.yichang");
    const byRecommender = await uploadTo(recommender, `/api/annual-reports/${reportId}/files`, {
      name: "x.pdf",
      content: tinyPdf,
    });
    expect(byRecommender.statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/annual-reports/${reportId}/files`)).statusCode).toBe(401);
  });

  it("judges the type by content and refuses a file over 50 MB, each refusal audited", async () => {
    const unit = await t.login("app.yichang");
    const disguised = await uploadTo(unit, `/api/annual-reports/${reportId}/files`, {
      name: "证书.pdf",
      content: Buffer.from("MZ\x90\x00\x03\x00\x00\x00 an executable named like a PDF"),
    });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: "wrong-file-type" });
    expect(disguised.json().messageZh).toContain("PDF");
    const huge = Buffer.alloc(50 * 1024 * 1024 + 16, 0x20);
    tinyPdf.copy(huge);
    const tooLarge = await uploadTo(unit, `/api/annual-reports/${reportId}/files`, { name: "big.pdf", content: huge });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: "too-large" });
    const notMultipart = await unit.post(`/api/annual-reports/${reportId}/files`, { name: "x.pdf" });
    expect(notMultipart.statusCode).toBe(415);
    const boundary = "----evidence-no-file";
    const noFile = await unit.request({
      method: "POST",
      url: `/api/annual-reports/${reportId}/files`,
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${boundary}--\r\n`,
      ),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors[0].path).toBe("file");
    const badId = await unit.get(`/api/annual-reports/${"x".repeat(65)}/files`);
    expect(badId.statusCode).toBe(400);
    expect((await unit.get(`/api/annual-reports/${reportId}/files`)).json().items).toHaveLength(2);
    const refusedAudit = (await audits(reportId, "annual-report.attach-file")).filter((a) => a.outcome === "refused");
    expect(refusedAudit.length).toBeGreaterThanOrEqual(1);
  });

  it("removes a file while the draft is open, then refuses any change once the report is submitted", async () => {
    const unit = await t.login("app.yichang");
    const [first, second] = (await unit.get(`/api/annual-reports/${reportId}/files`)).json().items;
    const removed = await remove(unit, `/api/annual-reports/${reportId}/files/${second.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((f: { id: string }) => f.id)).toEqual([first.id]);
    expect(await t.database.db.select().from(yearlyFiles).where(eq(yearlyFiles.id, second.id))).toEqual([]);
    // The other unit's attempt (a 404) is on record too.
    expect((await audits(reportId, "annual-report.detach-file")).map((a) => a.outcome)).toEqual(["refused", "success"]);
    expect((await remove(unit, `/api/annual-reports/${reportId}/files/no-such-file`)).statusCode).toBe(404);

    const detail = (await unit.get(`/api/annual-reports/${reportId}`)).json();
    expect(
      (await put(unit, `/api/annual-reports/${reportId}`, { content: complete, version: detail.version })).statusCode,
    ).toBe(200);
    const submitted = await unit.post(`/api/annual-reports/${reportId}/events`, { event: "submit-report" });
    expect(submitted.statusCode).toBe(200);
    const late = await uploadTo(unit, `/api/annual-reports/${reportId}/files`, { name: "补充.pdf", content: tinyPdf });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: "evidence-not-editable", article: "22" });
    expect(late.json().messageZh).toContain("已提交");
    expect(late.json().messageEn).toBeTruthy();
    expect((await remove(unit, `/api/annual-reports/${reportId}/files/${first.id}`)).statusCode).toBe(409);
    const list = (await unit.get(`/api/annual-reports/${reportId}/files`)).json();
    expect(list).toMatchObject({ editable: false, openSlot: null });
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([first.id]);
    // The report with the department likewise takes nothing more.
    const hust = await t.login("app.hust");
    expect(
      (await uploadTo(hust, `/api/annual-reports/${hustReportId}/files`, { name: "a.pdf", content: tinyPdf }))
        .statusCode,
    ).toBe(409);
  });

  it("opens again in a 补正 window up to its due date, and gives the experts the files in the review materials", async () => {
    const officer = await t.login("officer");
    const events = `/api/annual-reports/${hustReportId}/events`;
    expect((await officer.post(events, { event: "start-evaluation" })).statusCode).toBe(200);
    const correction = { request: "请补充合作协议盖章扫描件。", dueOn: "2026-03-20" };
    expect((await officer.post(events, { event: "open-correction", correction })).statusCode).toBe(200);
    const hust = await t.login("app.hust");
    const url = `/api/annual-reports/${hustReportId}/files`;
    expect((await hust.get(url)).json()).toMatchObject({ editable: true, openSlot: "evidence" });
    const added = await uploadTo(hust, url, { name: "补正-合作协议.pdf", content: evidencePdf });
    expect(added.statusCode).toBe(201);
    const [file] = added.json().items;

    const materials = await annualReportTarget.materials(t.database.db, hustReportId);
    const [row] = await t.database.db.select().from(yearlyFiles).where(eq(yearlyFiles.id, file.id));
    expect(materials?.files).toEqual([
      expect.objectContaining({
        fileId: row!.fileId,
        name: "补正-合作协议.pdf",
        labelZh: "佐证材料",
        slot: "evidence",
      }),
    ]);

    // The day after the due date the report stands as it is, evidence included (Art. 22).
    t.clock.advance(11 * 24 * 3_600_000);
    const late = await uploadTo(await t.login("app.hust"), url, { name: "迟交.pdf", content: tinyPdf });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("evidence-not-editable");
  });

  describe("a rectification case", () => {
    let caseId: string;

    beforeAll(async () => {
      const unit = await t.login("app.yichang");
      const [base] = (await unit.get("/api/bases")).json().items as Array<{ id: string }>;
      const [row] = await t.database.db.select({ unitId: bases.unitId }).from(bases).where(eq(bases.id, base!.id));
      const officer = await invocationAs(t, "officer");
      caseId = await execute(
        officer.deps,
        officer.actor,
        "evaluation.grade",
        { type: "base", id: base!.id },
        (context) =>
          openRectification(context, { baseId: base!.id, unitId: row!.unitId, roundId: "round-evidence", year: 2025 }),
      );
    });

    it("takes the plan's evidence while the plan is open, the report's after it is filed; keeps what was filed", async () => {
      const unit = await t.login("app.yichang");
      const url = `/api/rectifications/${caseId}/files`;
      expect((await unit.get(url)).json()).toMatchObject({ items: [], editable: true, openSlot: "plan" });
      const planFile = await uploadTo(unit, url, { name: "整改方案附件.pdf", content: evidencePdf });
      expect(planFile.statusCode).toBe(201);
      const planEvidence = planFile.json().items[0];
      expect(planEvidence).toMatchObject({ slot: "plan", name: "整改方案附件.pdf" });
      expect((await unit.get(`${url}/${planEvidence.id}`)).rawPayload.equals(evidencePdf)).toBe(true);
      expect((await unit.get(`/api/rectifications/${caseId}`)).json().files).toHaveLength(1);

      const disguised = await uploadTo(unit, url, {
        name: "照片.png",
        content: Buffer.from("MZ\x90\x00 not an image"),
      });
      expect(disguised.statusCode).toBe(415);
      const stranger = await t.login("app.wuhan-ent");
      expect((await stranger.get(url)).statusCode).toBe(404);
      expect((await stranger.get(`${url}/${planEvidence.id}`)).statusCode).toBe(404);
      expect((await (await t.login("rec.wuhan")).get(url)).statusCode).toBe(404);
      const recommender = await t.login("rec.yichang");
      expect((await recommender.get(`${url}/${planEvidence.id}`)).rawPayload.equals(evidencePdf)).toBe(true);
      const officer = await t.login("officer");
      expect((await officer.get(url)).json()).toMatchObject({ editable: false });
      expect((await uploadTo(officer, url, { name: "a.pdf", content: tinyPdf })).statusCode).toBe(403);

      let detail = (
        await put(unit, `/api/rectifications/${caseId}/plan`, { plan: "一、问题清单……", expectedVersion: 1 })
      ).json();
      detail = (
        await unit.post(`/api/rectifications/${caseId}/events`, { event: "file-plan", expectedVersion: detail.version })
      ).json();
      expect(detail.state).toBe("plan-filed");
      expect((await unit.get(url)).json()).toMatchObject({ editable: true, openSlot: "report" });
      const filedWithPlan = await remove(unit, `${url}/${planEvidence.id}`);
      expect(filedWithPlan.statusCode).toBe(409);
      expect(filedWithPlan.json()).toMatchObject({ code: "evidence-filed", article: "24" });
      const reportFile = await uploadTo(unit, url, { name: "整改成效.pdf", content: evidencePdf });
      expect(reportFile.statusCode).toBe(201);
      const reportEvidence = reportFile.json().items.find((f: { slot: string }) => f.slot === "report");
      expect((await remove(unit, `${url}/${reportEvidence.id}`)).statusCode).toBe(200);
      await uploadTo(unit, url, { name: "整改成效.pdf", content: evidencePdf });

      detail = (
        await put(unit, `/api/rectifications/${caseId}/report`, {
          finalReport: "整改措施与成效……",
          expectedVersion: detail.version,
        })
      ).json();
      const filed = await unit.post(`/api/rectifications/${caseId}/events`, {
        event: "file-report",
        expectedVersion: detail.version,
      });
      expect(filed.json().state).toBe("report-filed");
      const late = await uploadTo(unit, url, { name: "补充.pdf", content: tinyPdf });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: "evidence-not-editable", article: "24" });
      expect((await unit.get(url)).json()).toMatchObject({ editable: false, openSlot: null });
      expect((await unit.get(url)).json().items.map((f: { slot: string }) => f.slot)).toEqual(["plan", "report"]);

      expect((await audits(caseId, "rectification.attach-file")).map((a) => a.outcome)).toEqual([
        "success",
        "refused",
        "success",
        "success",
        "refused",
      ]);
      expect((await audits(caseId, "rectification.detach-file")).map((a) => a.outcome).sort()).toEqual([
        "refused",
        "success",
      ]);
    });
  });
});
